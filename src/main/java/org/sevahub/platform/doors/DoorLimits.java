package org.sevahub.platform.doors;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * How large a request body each door takes ({@code sevahub.limits.*}). Portal calls and API calls are small
 * JSON or XML: a few hundred KB is generous, and refusing more before it is buffered keeps a flood of large
 * posts from exhausting the heap. Multipart bodies (documents) are bounded by
 * {@code spring.servlet.multipart.max-request-size} and each document by its own declared limit.
 *
 * @param body          the default for any path not named in {@code paths}
 * @param paths         limits by path prefix (the longest prefix wins), e.g. {@code /digilocker/: 64KB}
 */
@ConfigurationProperties("sevahub.limits")
public record DoorLimits(DataSize body, Map<String, DataSize> paths) {

	public DoorLimits {
		body = body == null ? DataSize.ofKilobytes(256) : body;
		paths = paths == null ? Map.of() : Map.copyOf(new LinkedHashMap<>(paths));
	}

	long of(String path) {
		String best = null;
		for (String prefix : paths.keySet()) {
			if (path.startsWith(prefix) && (best == null || prefix.length() > best.length())) {
				best = prefix;
			}
		}
		return (best == null ? body : paths.get(best)).toBytes();
	}

}
