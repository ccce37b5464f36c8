package org.sevahub.portal.dci;

import java.util.List;
import java.util.Map;

/**
 * A message refused, with the DCI code that says why: the spec's transport errors ({@code err.*}) or its
 * reason codes ({@code rjct.*}). Answered in the spec's HTTP error shape, {@code {"errors":[{code, message}]}}.
 */
public class DciRefusal extends RuntimeException {

	private final int httpStatus;

	private final String code;

	public DciRefusal(int httpStatus, String code, String message) {
		super(code + ": " + message);
		this.httpStatus = httpStatus;
		this.code = code;
	}

	public int httpStatus() {
		return httpStatus;
	}

	public String code() {
		return code;
	}

	public String detail() {
		return getMessage().substring(code.length() + 2);
	}

	public Map<String, Object> body() {
		return Map.of("errors", List.of(Map.of("code", code, "message", detail())));
	}

	public static DciRefusal bad(String message) {
		return new DciRefusal(400, "err.request.bad", message);
	}

	public static DciRefusal signature(String message) {
		return new DciRefusal(401, "err.signature.invalid", message);
	}

	public static DciRefusal rejected(String code, String message) {
		return new DciRefusal(code.endsWith(".duplicate") ? 409 : 400, code, message);
	}

}
