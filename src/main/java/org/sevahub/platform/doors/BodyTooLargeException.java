package org.sevahub.platform.doors;

import java.io.IOException;

/** The body went past its door's limit while it was read; whoever reads it sees an I/O failure. */
public class BodyTooLargeException extends IOException {

	BodyTooLargeException(long limit) {
		super("Request body over " + limit + " bytes");
	}

}
