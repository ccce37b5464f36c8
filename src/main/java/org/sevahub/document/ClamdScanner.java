package org.sevahub.document;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * ClamAV's daemon over its documented socket protocol (clamd(8)): {@code zINSTREAM}, the file in chunks each
 * preceded by its length as a 4-byte big-endian number, a zero-length chunk to end, and one reply line
 * ({@code stream: OK}, {@code stream: <signature> FOUND}, or an error). Written here rather than taken from a
 * library: the Java clients on Maven Central are single-author projects without releases for years (one
 * brings the Kotlin runtime along), and the protocol is these few lines. The file is streamed from memory, so
 * clamd and SevaHub need not share a disk.
 */
class ClamdScanner implements VirusScanner {

	private static final int CHUNK = 64 * 1024;

	private final String host;

	private final int port;

	private final Duration timeout;

	private volatile String version;

	ClamdScanner(String host, int port, Duration timeout) {
		this.host = host;
		this.port = port;
		this.timeout = timeout;
	}

	@Override
	public ScanResult scan(byte[] content) {
		String reply;
		try (Socket socket = connect()) {
			DataOutputStream out = new DataOutputStream(socket.getOutputStream());
			out.write("zINSTREAM\0".getBytes(StandardCharsets.US_ASCII));
			for (int offset = 0; offset < content.length; offset += CHUNK) {
				int length = Math.min(CHUNK, content.length - offset);
				out.writeInt(length);
				out.write(content, offset, length);
			}
			out.writeInt(0);
			out.flush();
			reply = readReply(socket.getInputStream());
		}
		catch (IOException ex) {
			throw new ScannerUnavailableException("clamd at " + host + ":" + port + " did not answer", ex);
		}
		if (reply.endsWith(" OK")) {
			return new ScanResult(version(), null);
		}
		if (reply.endsWith(" FOUND")) {
			String signature = reply.substring(reply.indexOf(':') + 1, reply.length() - " FOUND".length()).strip();
			return new ScanResult(version(), signature);
		}
		// "INSTREAM size limit exceeded. ERROR" and the like: the file was not scanned, so it is not let in.
		throw new ScannerUnavailableException("clamd could not scan the file: " + reply, null);
	}

	/** {@code ClamAV 1.4.6/27000/…}: which engine and signatures scanned a file, asked once. */
	String version() {
		if (version == null) {
			try (Socket socket = connect()) {
				socket.getOutputStream().write("zVERSION\0".getBytes(StandardCharsets.US_ASCII));
				socket.getOutputStream().flush();
				version = readReply(socket.getInputStream());
			}
			catch (IOException ex) {
				throw new ScannerUnavailableException("clamd at " + host + ":" + port + " did not answer", ex);
			}
		}
		return version;
	}

	private Socket connect() throws IOException {
		Socket socket = new Socket();
		socket.connect(new InetSocketAddress(host, port), (int) Math.min(timeout.toMillis(), 5000));
		socket.setSoTimeout((int) timeout.toMillis());
		return socket;
	}

	/** A reply ends with the NUL the {@code z} prefix asked for (or with the connection). */
	private static String readReply(InputStream in) throws IOException {
		ByteArrayOutputStream reply = new ByteArrayOutputStream();
		int b;
		while ((b = in.read()) > 0) {
			reply.write(b);
			if (reply.size() > 4096) {
				break;
			}
		}
		return reply.toString(StandardCharsets.US_ASCII).strip();
	}

}
