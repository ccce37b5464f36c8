package org.sevahub.office;

/** A transfer an administrator asked for that cannot be made; the message says why, in words. */
public class TransferRefusedException extends RuntimeException {

	public TransferRefusedException(String message) {
		super(message);
	}

}
