package org.sevahub.delivery.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.sevahub.portal.webhook.WebhookSignature;

/**
 * The department MIS at the other end of the webhook, outside every SevaHub process so it outlives their
 * crashes: it verifies each signature, keeps the first copy of each message in arrival order, and counts
 * resends (the same idempotency key again), answering them as duplicates the way a real MIS would.
 */
public final class RecordingReceiver implements AutoCloseable {

	public record Received(int sequence, String status) {
	}

	private final HttpServer server;

	private final ObjectMapper json = new ObjectMapper();

	private final String secret;

	private final Map<String, List<Received>> byApplication = new ConcurrentHashMap<>();

	private final Set<String> keys = ConcurrentHashMap.newKeySet();

	private final AtomicInteger received = new AtomicInteger();

	private final AtomicInteger duplicates = new AtomicInteger();

	private final AtomicInteger badSignatures = new AtomicInteger();

	private volatile int delayMillis;

	public RecordingReceiver(String secret, int delayMillis) throws IOException {
		this.secret = secret;
		this.delayMillis = delayMillis;
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
		this.server.createContext("/events", this::handle);
		this.server.setExecutor(Executors.newFixedThreadPool(32));
		this.server.start();
	}

	public String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort() + "/events";
	}

	public void delay(int millis) {
		this.delayMillis = millis;
	}

	public int received() {
		return received.get();
	}

	public int duplicates() {
		return duplicates.get();
	}

	public int badSignatures() {
		return badSignatures.get();
	}

	public Map<String, List<Received>> byApplication() {
		return byApplication;
	}

	public void awaitAtLeast(int count, Duration within) throws InterruptedException {
		Instant deadline = Instant.now().plus(within);
		while (received.get() < count && Instant.now().isBefore(deadline)) {
			Thread.sleep(200);
		}
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (InputStream in = exchange.getRequestBody()) {
			String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			if (delayMillis > 0) {
				Thread.sleep(delayMillis);
			}
			String problem = WebhookSignature.problem(secret,
					exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER), body, Instant.now(),
					Duration.ofMinutes(5));
			if (problem != null) {
				badSignatures.incrementAndGet();
				answer(exchange, 401, "{\"error\":\"" + problem + "\"}");
				return;
			}
			String key = exchange.getRequestHeaders().getFirst(WebhookSignature.IDEMPOTENCY_KEY);
			if (!keys.add(key)) {
				duplicates.incrementAndGet();
				answer(exchange, 200, "{\"received\":true,\"duplicate\":true}");
				return;
			}
			JsonNode event = json.readTree(body);
			byApplication.computeIfAbsent(event.get("applicationNo").asText(), k -> new ArrayList<>());
			List<Received> list = byApplication.get(event.get("applicationNo").asText());
			synchronized (list) {
				list.add(new Received(event.get("sequence").asInt(), event.get("status").asText()));
			}
			received.incrementAndGet();
			answer(exchange, 200, "{\"received\":true}");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			answer(exchange, 503, "{}");
		}
	}

	private static void answer(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

	@Override
	public void close() {
		server.stop(0);
	}

}
