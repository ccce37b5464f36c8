package org.sevahub.platform.doors;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * A request whose body {@link DoorFilter} has already read (and counted): its bytes again for whoever reads the
 * body, and for a POSTed form its fields as parameters, as the servlet container would have parsed them (the
 * container parses only the query once the body has been read as a stream).
 */
final class ReadBody extends HttpServletRequestWrapper {

	private final byte[] body;

	private final boolean form;

	private Map<String, String[]> parameters;

	private ServletInputStream stream;

	private BufferedReader reader;

	ReadBody(HttpServletRequest request, byte[] body, boolean form) {
		super(request);
		this.body = body;
		this.form = form && "POST".equals(request.getMethod());
	}

	@Override
	public ServletInputStream getInputStream() {
		if (stream == null) {
			stream = new BodyBytes(body);
		}
		return stream;
	}

	@Override
	public BufferedReader getReader() {
		if (reader == null) {
			reader = new BufferedReader(new InputStreamReader(getInputStream(), charset(StandardCharsets.ISO_8859_1)));
		}
		return reader;
	}

	@Override
	public String getParameter(String name) {
		String[] values = parameters().get(name);
		return values == null || values.length == 0 ? null : values[0];
	}

	@Override
	public Map<String, String[]> getParameterMap() {
		return parameters();
	}

	@Override
	public Enumeration<String> getParameterNames() {
		return Collections.enumeration(parameters().keySet());
	}

	@Override
	public String[] getParameterValues(String name) {
		return parameters().get(name);
	}

	private Map<String, String[]> parameters() {
		if (parameters == null) {
			parameters = form ? withFields(super.getParameterMap()) : super.getParameterMap();
		}
		return parameters;
	}

	/** The query's parameters, then the form's fields; a field that does not decode is skipped, as Tomcat does. */
	private Map<String, String[]> withFields(Map<String, String[]> query) {
		Map<String, List<String>> fields = new LinkedHashMap<>();
		query.forEach((name, values) -> fields.computeIfAbsent(name, n -> new ArrayList<>()).addAll(List.of(values)));
		Charset charset = charset(StandardCharsets.UTF_8);
		for (String pair : new String(body, charset).split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int eq = pair.indexOf('=');
			try {
				String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), charset);
				String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), charset);
				fields.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
			}
			catch (IllegalArgumentException malformed) {
				// skipped
			}
		}
		Map<String, String[]> merged = new LinkedHashMap<>();
		fields.forEach((name, values) -> merged.put(name, values.toArray(String[]::new)));
		return Collections.unmodifiableMap(merged);
	}

	private Charset charset(Charset otherwise) {
		String encoding = getCharacterEncoding();
		return encoding == null ? otherwise : Charset.forName(encoding);
	}

}
