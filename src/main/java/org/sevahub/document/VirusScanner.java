package org.sevahub.document;

/**
 * Scans every uploaded file before anything else looks inside it. {@code sevahub.documents.scanner}: {@code clamd}
 * (ClamAV's daemon, {@link ClamdScanner}) or {@code none} ({@link NotScanned}, the embedded default, whose files
 * the officer's view marks as not scanned).
 */
interface VirusScanner {

	/**
	 * @throws ScannerUnavailableException when the scanner cannot be asked: the upload is refused, never let
	 *                                     through unscanned
	 */
	ScanResult scan(byte[] content);

	class ScannerUnavailableException extends RuntimeException {

		ScannerUnavailableException(String message, Throwable cause) {
			super(message, cause);
		}

	}

}
