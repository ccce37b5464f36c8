package org.sevahub.platform.doors;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The first thing every request meets. It refuses what no door can read before anything else looks at it: a
 * Content-Type that is not a concrete media type (a wildcard, garbage, an unknown charset), and a body over
 * the door's limit, by its declared length or, for a chunked body, by reading and counting it before the chain
 * (multipart bodies: as they are read), so nothing larger than the limit is ever buffered. Refusals are answered
 * in the door's own shape.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DoorFilter extends OncePerRequestFilter {

	/** Set on a request whose body went past its limit, so whoever handles the failure answers 413. */
	static final String EXCEEDED = DoorFilter.class.getName() + ".EXCEEDED";

	private final Doors doors;

	private final DoorLimits limits;

	private final long multipartLimit;

	DoorFilter(Doors doors, DoorLimits limits, MultipartProperties multipart) {
		this.doors = doors;
		this.limits = limits;
		this.multipartLimit = multipart.getMaxRequestSize() == null || multipart.getMaxRequestSize().toBytes() < 0
				? Long.MAX_VALUE : multipart.getMaxRequestSize().toBytes();
	}

	/** Whether the request's body went past its door's limit while it was being read. */
	public static boolean exceeded(HttpServletRequest request) {
		return request.getAttribute(EXCEEDED) != null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		MediaType type;
		try {
			type = carriesBody(request) ? contentType(request) : null;
		}
		catch (IllegalArgumentException ex) {
			doors.refuse(path, request, response, 415,
					"The Content-Type header is not a concrete media type this address can read");
			return;
		}
		if (controlIn(request.getQueryString()) || controlIn(request.getRequestURI())) {
			doors.refuse(path, request, response, 400, "The address contains control characters");
			return;
		}
		if (path.indexOf(';') >= 0) {
			// A path parameter (/engine-rest;x/task): no address here takes one (Spring Security's firewall refuses
			// them too, but later), and where it ends a servlet's prefix Spring's request path cannot be cut from it:
			// a 500. Answered by the door the address names without them.
			doors.refuse(path.replaceAll(";[^/]*", ""), request, response, 400, "There is no such address");
			return;
		}
		boolean multipart = type != null && MediaType.MULTIPART_FORM_DATA.includes(type);
		long limit = multipart ? Math.max(multipartLimit, limits.of(path)) : limits.of(path);
		if (request.getContentLengthLong() > limit) {
			// Closing the connection spares the server from reading the rest of a body it has refused.
			response.setHeader("Connection", "close");
			doors.refuse(path, request, response, 413, null);
			return;
		}
		HttpServletRequest counted = new CountedRequest(request, limit);
		if (!multipart && chunked(request)) {
			// A chunked body tells its size only as it is read, and a handler that never reads it (a signed link) or a
			// handler's own advice would answer as if it were small: it is read here, counted, before anything else.
			byte[] body;
			try {
				body = counted.getInputStream().readAllBytes();
			}
			catch (BodyTooLargeException ex) {
				response.setHeader("Connection", "close");
				doors.refuse(path, request, response, 413, null);
				return;
			}
			counted = new ReadBody(request, body, type != null && MediaType.APPLICATION_FORM_URLENCODED.includes(type));
		}
		try {
			chain.doFilter(counted, response);
		}
		catch (HttpMessageNotReadableException ex) {
			// A filter read the body before any controller did (FormContentFilter on PUT/PATCH/DELETE forms).
			if (!exceeded(request)) {
				doors.refuse(path, request, response, 400, "The request body could not be read as its Content-Type says");
				return;
			}
		}
		catch (RequestRejectedException ex) {
			// Spring Security's firewall, checking a parameter's name when a filter first read it.
			doors.refuse(path, request, response, 400, "The request has a parameter or header this server does not accept");
			return;
		}
		catch (IOException | ServletException | RuntimeException ex) {
			if (!exceeded(request)) {
				throw ex;
			}
		}
		if (exceeded(request) && !response.isCommitted() && response.getStatus() != 413) {
			response.setHeader("Connection", "close");
			doors.refuse(path, request, response, 413, null);
		}
	}

	/** A NUL or another control character in the address reaches no lookup: PostgreSQL cannot even compare it. */
	private static boolean controlIn(String query) {
		if (query == null || query.indexOf('%') < 0 && !ControlCharacters.in(query)) {
			return false;
		}
		try {
			return ControlCharacters.in(java.net.URLDecoder.decode(query, StandardCharsets.UTF_8));
		}
		catch (IllegalArgumentException malformed) {
			return false;
		}
	}

	/** A body without a declared length. */
	private static boolean chunked(HttpServletRequest request) {
		return request.getContentLengthLong() < 0 && request.getHeader("Transfer-Encoding") != null;
	}

	/** A write, or any request that sends a body: its Content-Type is what Spring MVC will read it by. */
	private static boolean carriesBody(HttpServletRequest request) {
		return switch (request.getMethod()) {
			case "POST", "PUT", "PATCH" -> true;
			default -> request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
		};
	}

	/** The request's Content-Type, checked: a wildcard or an unknown charset names no format to read. */
	private static MediaType contentType(HttpServletRequest request) {
		String header = request.getContentType();
		if (header == null || header.isBlank()) {
			return null;
		}
		MediaType type = MediaType.parseMediaType(header);
		if (type.isWildcardType() || type.isWildcardSubtype()) {
			throw new IllegalArgumentException("wildcard");
		}
		type.getCharset();
		return type;
	}

	private static final class CountedRequest extends HttpServletRequestWrapper {

		private final long limit;

		private ServletInputStream stream;

		private BufferedReader reader;

		CountedRequest(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (stream == null) {
				stream = new CountedStream(super.getInputStream(), limit, (HttpServletRequest) getRequest());
			}
			return stream;
		}

		@Override
		public BufferedReader getReader() throws IOException {
			if (reader == null) {
				String encoding = getCharacterEncoding();
				Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
				reader = new BufferedReader(new InputStreamReader(getInputStream(), charset));
			}
			return reader;
		}

	}

	private static final class CountedStream extends ServletInputStream {

		private final ServletInputStream in;

		private final long limit;

		private final HttpServletRequest request;

		private long count;

		CountedStream(ServletInputStream in, long limit, HttpServletRequest request) {
			this.in = in;
			this.limit = limit;
			this.request = request;
		}

		@Override
		public int read() throws IOException {
			int b = in.read();
			if (b >= 0) {
				counted(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = in.read(buffer, offset, length);
			if (n > 0) {
				counted(n);
			}
			return n;
		}

		private void counted(int n) throws IOException {
			count += n;
			if (count > limit) {
				request.setAttribute(EXCEEDED, Boolean.TRUE);
				throw new BodyTooLargeException(limit);
			}
		}

		@Override
		public boolean isFinished() {
			return in.isFinished();
		}

		@Override
		public boolean isReady() {
			return in.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			in.setReadListener(listener);
		}

	}

}
