package org.sevahub.platform.doors;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Calls SevaHub over real HTTP (so the servlet container's /error and the body limits take part). */
final class Caller {

	/** What a counterpart must never read: names of Java code, SQL and its error codes, tables, Spring's body. */
	static final Pattern LEAK = Pattern.compile(
			"\\b(?:org\\.(?:springframework|sevahub|h2|postgresql|apache|camunda|hibernate|thymeleaf)|java\\.|jakarta\\.)"
					+ "|Exception\\b|\\bSQL|SQLSTATE|\\[\\d{5}-\\d{3}\\]|Whitelabel|Apache Tomcat|\"timestamp\"\\s*:.*\"path\"\\s*:"
					+ "|\\b(?:audit_record|bsk_otp|bsk_handover|portal_link|status_history|number_counter|dci_message"
					+ "|dci_transaction|dci_answer_part|act_ru_\\w+|act_hi_\\w+|ACT_RU_\\w+|ACT_HI_\\w+)\\b"
					+ "|\\bat [a-z]+\\.[a-z]+\\.[A-Za-z.$]+\\(");

	record Answer(int status, String contentType, String body) {

		String leak() {
			Matcher matcher = LEAK.matcher(body);
			return matcher.find() ? matcher.group() : null;
		}

	}

	private final int port;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	Caller(int port) {
		this.port = port;
	}

	/** {@code chunked}: the body is sent without a length, as a stream. */
	Answer send(String method, String path, Map<String, String> headers, byte[] body, boolean chunked) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(60));
		headers.forEach(request::header);
		HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
				: chunked ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
						: HttpRequest.BodyPublishers.ofByteArray(body);
		request.method(method, publisher);
		try {
			HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
			return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					new String(response.body(), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** A chunked body, read to its last (empty) chunk. */
	private static byte[] chunks(InputStream in) throws IOException {
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		while (true) {
			StringBuilder size = new StringBuilder();
			for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
				if (b != '\r') {
					size.append((char) b);
				}
			}
			int length = size.isEmpty() ? 0 : Integer.parseInt(size.toString().split(";")[0].strip(), 16);
			if (length == 0) {
				return body.toByteArray();
			}
			body.write(in.readNBytes(length));
			in.readNBytes(2);
		}
	}

	/** The value of a cookie SevaHub sets on a GET of {@code path} (the citizen pages' CSRF token). */
	String cookie(String path, String name) {
		try {
			HttpResponse<Void> response = http.send(
					HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
					HttpResponse.BodyHandlers.discarding());
			return response.headers()
				.allValues("Set-Cookie")
				.stream()
				.filter(cookie -> cookie.startsWith(name + "="))
				.map(cookie -> cookie.substring(name.length() + 1).split(";", 2)[0])
				.findFirst()
				.orElseThrow(() -> new AssertionError("No cookie " + name + " on " + path));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Declares a body of {@code declared} bytes and sends none of it: what SevaHub answers on the declared
	 * length alone (it must neither wait for nor buffer a body it refuses).
	 */
	Answer declareHuge(String path, String contentType, long declared) {
		// Only the headers: the answer must come without the server reading (or waiting for) the body.
		return raw("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: " + contentType
				+ "\r\nContent-Length: " + declared + "\r\n\r\n");
	}

	/** A GET of an address as written, which no URI class would let through (a malformed escape, say). */
	Answer getAsWritten(String path, Map<String, String> headers) {
		StringBuilder head = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n");
		headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
		return raw(head.append("Connection: close\r\n\r\n").toString());
	}

	/** Sends a request's head as given and reads the answer. */
	private Answer raw(String requestHead) {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			out.write(requestHead.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			// The answer is read by its length: the server need not close a connection whose body it refused.
			InputStream in = socket.getInputStream();
			java.io.ByteArrayOutputStream head = new java.io.ByteArrayOutputStream();
			while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
				int b = in.read();
				if (b < 0) {
					break;
				}
				head.write(b);
			}
			String headers = head.toString(StandardCharsets.ISO_8859_1);
			Matcher status = Pattern.compile("^HTTP/1\\.1 (\\d{3})").matcher(headers);
			Matcher type = Pattern.compile("(?im)^Content-Type: *([^\\r\\n]*)").matcher(headers);
			Matcher length = Pattern.compile("(?im)^Content-Length: *(\\d+)").matcher(headers);
			byte[] body = length.find() ? in.readNBytes(Integer.parseInt(length.group(1)))
					: headers.toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding: chunked") ? chunks(in) : new byte[0];
			return new Answer(status.find() ? Integer.parseInt(status.group(1)) : 0, type.find() ? type.group(1) : "",
					new String(body, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
