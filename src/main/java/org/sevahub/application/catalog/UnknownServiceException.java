package org.sevahub.application.catalog;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

@ResponseStatus(HttpStatus.NOT_FOUND)
public class UnknownServiceException extends RuntimeException {

	private final String serviceCode;

	public UnknownServiceException(String serviceCode) {
		super("No notified service has the code '" + serviceCode + "'");
		this.serviceCode = serviceCode;
	}

	public String serviceCode() {
		return serviceCode;
	}

}
