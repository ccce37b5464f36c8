package org.sevahub.certificate;

import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * QR codes with ZXing; error correction M, enough for a printed page that gets folded. A certificate draws the
 * modules as vector squares ({@link PdfComposer#qrRight}): sharp at any zoom, and no PNG to encode and decode
 * again for every certificate (that round trip was a fifth of the issuing job's time under load).
 */
final class QrCodes {

	private QrCodes() {
	}

	/** The modules, one per cell, with a quiet zone of one module. */
	static BitMatrix modules(String text) {
		try {
			return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
					Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 1));
		}
		catch (WriterException ex) {
			throw new IllegalArgumentException("Cannot encode a QR code for " + text, ex);
		}
	}

}
