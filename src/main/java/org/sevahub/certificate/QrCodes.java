package org.sevahub.certificate;

import java.util.HashMap;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.EncodeHintType;
import com.google.zxing.PlanarYUVLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * QR codes with ZXing; error correction M, enough for a printed page that gets folded. A certificate draws the
 * modules as vector squares ({@link PdfComposer#qrRight}): sharp at any zoom, and no PNG to encode and decode
 * again for every certificate (that round trip was a fifth of the issuing job's time under load).
 * <p>
 * Every symbol is read back before it is used. For about one verification address in a hundred, the mask ZXing's
 * own penalty rule picks gives a symbol that ZXing's detector cannot find at any resolution (a perfect image with
 * the standard's quiet zone included), and scanners built on ZXing would fail the same way; another of the eight
 * masks then reads, and is used.
 */
final class QrCodes {

	private static final int QUIET_ZONE = 1;

	/** Pixels a module when a symbol is read back: a printed certificate gives a scanner at least this. */
	private static final int CHECK_SCALE = 4;

	/** The standard's quiet zone, which the printed page's white margin gives the symbol. */
	private static final int CHECK_QUIET_ZONE = 4;

	private QrCodes() {
	}

	/** The modules, one per cell, with a quiet zone of {@value #QUIET_ZONE} module, of a symbol that reads. */
	static BitMatrix modules(String text) {
		BitMatrix chosen = encode(text, null);
		if (reads(chosen, text)) {
			return chosen;
		}
		for (int mask = 0; mask < 8; mask++) {
			BitMatrix masked = encode(text, mask);
			if (reads(masked, text)) {
				return masked;
			}
		}
		throw new IllegalStateException("No QR mask gives a readable symbol for " + text);
	}

	/** ZXing's symbol for {@code text}, with the mask its penalty rule picks when {@code mask} is null. */
	static BitMatrix encode(String text, Integer mask) {
		Map<EncodeHintType, Object> hints = new HashMap<>(Map.of(EncodeHintType.ERROR_CORRECTION,
				ErrorCorrectionLevel.M, EncodeHintType.MARGIN, QUIET_ZONE));
		if (mask != null) {
			hints.put(EncodeHintType.QR_MASK_PATTERN, mask);
		}
		try {
			return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, hints);
		}
		catch (WriterException ex) {
			throw new IllegalArgumentException("Cannot encode a QR code for " + text, ex);
		}
	}

	/** Whether ZXing's reader, finder patterns and all, finds {@code text} in an image of the symbol. */
	static boolean reads(BitMatrix modules, String text) {
		int border = CHECK_QUIET_ZONE - QUIET_ZONE;
		int side = (modules.getWidth() + 2 * border) * CHECK_SCALE;
		byte[] luminance = new byte[side * side];
		for (int y = 0; y < side; y++) {
			for (int x = 0; x < side; x++) {
				int column = x / CHECK_SCALE - border;
				int row = y / CHECK_SCALE - border;
				boolean dark = column >= 0 && row >= 0 && column < modules.getWidth() && row < modules.getHeight()
						&& modules.get(column, row);
				luminance[y * side + x] = (byte) (dark ? 0 : 255);
			}
		}
		// A grey image as bytes: the luminance plane of YUV is exactly that, with no image object to fill.
		PlanarYUVLuminanceSource image = new PlanarYUVLuminanceSource(luminance, side, side, 0, 0, side, side, false);
		try {
			return text.equals(new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(image))).getText());
		}
		catch (ReaderException unreadable) {
			return false;
		}
	}

}
