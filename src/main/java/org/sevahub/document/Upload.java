package org.sevahub.document;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.io.InputStreamSource;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.util.WebUtils;

/**
 * A file as it arrived, before any check: the name the citizen's device gave it (only ever shown, never
 * trusted) and its declared size, which is compared with the document's limit before a byte is read.
 */
public record Upload(String fileName, long size, InputStreamSource content) {

	/** Form parts carrying a document are named {@code document.<code>}, as the document's field errors are. */
	public static final String PART_PREFIX = "document.";

	public static Upload of(MultipartFile file) {
		return new Upload(file.getOriginalFilename(), file.getSize(), file);
	}

	public static Upload of(String fileName, byte[] bytes) {
		return new Upload(fileName, bytes.length, () -> new java.io.ByteArrayInputStream(bytes));
	}

	/**
	 * The files of a posted form, by document code: parts named {@code document.<code>} that carry a file. A
	 * request that is not multipart has none.
	 */
	public static Map<String, Upload> fromForm(HttpServletRequest request) {
		MultipartHttpServletRequest multipart = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
		Map<String, Upload> files = new LinkedHashMap<>();
		if (multipart != null) {
			multipart.getFileMap().forEach((name, file) -> {
				if (name.startsWith(PART_PREFIX) && !file.isEmpty()) {
					files.put(name.substring(PART_PREFIX.length()), of(file));
				}
			});
		}
		return files;
	}

	/** The bytes, reading at most {@code limit + 1} so a size that lied cannot make SevaHub hold more. */
	byte[] read(long limit) throws IOException {
		try (InputStream in = content.getInputStream()) {
			return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
		}
	}

}
