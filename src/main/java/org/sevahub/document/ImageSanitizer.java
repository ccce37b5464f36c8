package org.sevahub.document;

import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.Metadata;
import com.drew.metadata.MetadataException;
import com.drew.metadata.exif.ExifIFD0Directory;

import org.sevahub.document.DocumentRefusedException.Reason;

/**
 * Re-encodes a photo or scan from its pixels alone, so nothing but the picture is kept: no EXIF (a phone puts
 * its owner's location there), no comments, no trailing bytes after the image, no second payload in a chunk a
 * viewer might read. The size is read from the header before any pixel is decoded, so a small file that would
 * unpack to gigabytes is refused first. A phone's EXIF orientation is applied to the pixels before the EXIF is
 * dropped (metadata-extractor reads it), else an officer would see a portrait scan lying on its side.
 */
final class ImageSanitizer {

	private ImageSanitizer() {
	}

	static byte[] reencode(byte[] content, AcceptedType type, long maxPixels, String code) {
		BufferedImage image = decode(content, maxPixels, code);
		image = orient(image, orientation(content));
		try {
			return type == AcceptedType.PNG ? png(image) : jpeg(image);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Re-encoding an image in memory failed", ex);
		}
	}

	private static BufferedImage decode(byte[] content, long maxPixels, String code) {
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
			Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
			if (!readers.hasNext()) {
				throw new DocumentRefusedException(Reason.UNREADABLE, code);
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(in, true, true);
				long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
				if (pixels > maxPixels) {
					throw new DocumentRefusedException(Reason.IMAGE_TOO_BIG, code, reader.getWidth(0), reader.getHeight(0));
				}
				return reader.read(0);
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof DocumentRefusedException refused) {
				throw refused;
			}
			throw new DocumentRefusedException(Reason.UNREADABLE, code);
		}
	}

	/** EXIF orientation 1..8, 1 (as stored) when there is none or it cannot be read. */
	private static int orientation(byte[] content) {
		try {
			Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(content));
			ExifIFD0Directory exif = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
			return exif != null && exif.containsTag(ExifIFD0Directory.TAG_ORIENTATION)
					? exif.getInt(ExifIFD0Directory.TAG_ORIENTATION) : 1;
		}
		catch (ImageProcessingException | IOException | MetadataException ex) {
			return 1;
		}
	}

	/** Turns the pixels as EXIF orientation {@code o} says the camera held them. */
	static BufferedImage orient(BufferedImage image, int o) {
		if (o < 2 || o > 8) {
			return image;
		}
		int w = image.getWidth();
		int h = image.getHeight();
		boolean swap = o >= 5;
		// x' = m00·x + m01·y + m02, y' = m10·x + m11·y + m12 (AffineTransform's argument order: m00, m10, m01, m11, m02, m12)
		AffineTransform t = switch (o) {
			case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0);
			case 3 -> new AffineTransform(-1, 0, 0, -1, w, h);
			case 4 -> new AffineTransform(1, 0, 0, -1, 0, h);
			case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);
			case 6 -> new AffineTransform(0, 1, -1, 0, h, 0);
			case 7 -> new AffineTransform(0, -1, -1, 0, h, w);
			default -> new AffineTransform(0, -1, 1, 0, 0, w);
		};
		BufferedImage turned = new BufferedImage(swap ? h : w, swap ? w : h,
				image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
		Graphics2D g = turned.createGraphics();
		g.drawImage(image, t, null);
		g.dispose();
		return turned;
	}

	private static byte[] png(BufferedImage image) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

	/** JPEG has no alpha: the picture is drawn onto white first. Quality 0.9 keeps a scan's text legible. */
	private static byte[] jpeg(BufferedImage image) throws IOException {
		BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
		Graphics2D g = rgb.createGraphics();
		g.setColor(java.awt.Color.WHITE);
		g.fillRect(0, 0, image.getWidth(), image.getHeight());
		g.drawImage(image, 0, 0, null);
		g.dispose();
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
			writer.setOutput(stream);
			ImageWriteParam param = writer.getDefaultWriteParam();
			param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			param.setCompressionQuality(0.9f);
			writer.write(null, new IIOImage(rgb, null, null), param);
		}
		finally {
			writer.dispose();
		}
		return out.toByteArray();
	}

}
