package org.sevahub.loadtest;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.sevahub.delivery.cluster.RecordingReceiver;

/**
 * The systems SevaHub talks to, outside its JVM and database, as in an installation: the department MIS receiving
 * the signed status webhooks (the ITs' {@link RecordingReceiver}, which checks each signature) and an SMS gateway
 * speaking the Gupshup form protocol SevaHub's client sends ({@code success | <to> | <id>}). With the sandbox inside
 * SevaHub instead ({@code -Dload.counterparts=sandbox}), each application's statuses, SMS and delivery reports are
 * also received, stored and answered by the node under test, which bare Camunda never does.
 */
final class Counterparts implements AutoCloseable {

	static final String WEBHOOK_SECRET = "sandbox-webhook-secret-not-for-production";

	private static final Pattern OTP = Pattern.compile("\\b(\\d{6})\\b is your SevaHub sign-in OTP");

	final RecordingReceiver mis;

	private final HttpServer sms;

	private final ExecutorService smsThreads = Executors.newFixedThreadPool(4);

	private final Map<String, String> lastOtp = new ConcurrentHashMap<>();

	private final AtomicLong messages = new AtomicLong();

	Counterparts() throws IOException {
		mis = new RecordingReceiver(WEBHOOK_SECRET, 0);
		sms = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
		sms.setExecutor(smsThreads);
		sms.createContext("/", this::send);
		sms.start();
	}

	String smsUrl() {
		return "http://127.0.0.1:" + sms.getAddress().getPort() + "/GatewayAPI/rest";
	}

	/** The OTP last sent to a 10-digit mobile number, as the citizen reads it on the phone. */
	String otp(String mobile) {
		return lastOtp.get("91" + mobile);
	}

	long messages() {
		return messages.get();
	}

	private void send(HttpExchange exchange) throws IOException {
		Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
		String to = form.getOrDefault("send_to", "");
		Matcher otp = OTP.matcher(form.getOrDefault("msg", ""));
		if (otp.find()) {
			lastOtp.put(to, otp.group(1));
		}
		byte[] answer = ("success | " + to + " | " + messages.incrementAndGet()).getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=UTF-8");
		exchange.sendResponseHeaders(200, answer.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(answer);
		}
	}

	private static Map<String, String> form(String body) {
		Map<String, String> fields = new HashMap<>();
		for (String pair : body.split("&")) {
			int equals = pair.indexOf('=');
			if (equals > 0) {
				fields.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
						URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
			}
		}
		return fields;
	}

	@Override
	public void close() {
		sms.stop(0);
		smsThreads.shutdownNow();
		mis.close();
	}

}
