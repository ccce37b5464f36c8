package org.sevahub.document;

/**
 * What a virus scanner said about a file.
 *
 * @param scanner   who scanned it, as the officer's view shows it ({@code ClamAV 1.4.6/…}); {@code null} when
 *                  nothing did
 * @param signature the malware found, or {@code null} when the file is clean
 */
record ScanResult(String scanner, String signature) {

	static ScanResult notScanned() {
		return new ScanResult(null, null);
	}

	boolean scanned() {
		return scanner != null;
	}

	boolean infected() {
		return signature != null;
	}

}
