package org.sevahub.platform.doors;

import java.io.ByteArrayInputStream;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;

/**
 * A request body already read (to count it, to check it) given again, as a stream, to whoever reads it next. Only
 * blocking reads: nothing that reads a body twice here is asynchronous.
 */
public final class BodyBytes extends ServletInputStream {

	private final ByteArrayInputStream in;

	public BodyBytes(byte[] body) {
		this.in = new ByteArrayInputStream(body);
	}

	@Override
	public int read() {
		return in.read();
	}

	@Override
	public int read(byte[] buffer, int offset, int length) {
		return in.read(buffer, offset, length);
	}

	@Override
	public boolean isFinished() {
		return in.available() == 0;
	}

	@Override
	public boolean isReady() {
		return true;
	}

	@Override
	public void setReadListener(ReadListener listener) {
		throw new IllegalStateException("The body has already been read");
	}

}
