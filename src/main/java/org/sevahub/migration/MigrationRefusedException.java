package org.sevahub.migration;

/** A migration an admin asked for that cannot be done as asked; nothing was changed. */
public class MigrationRefusedException extends RuntimeException {

	public MigrationRefusedException(String message) {
		super(message);
	}

	/** A version or run that does not exist. */
	public static class NotFound extends MigrationRefusedException {

		public NotFound(String message) {
			super(message);
		}

	}

}
