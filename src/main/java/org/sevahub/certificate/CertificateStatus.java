package org.sevahub.certificate;

public enum CertificateStatus {

	VALID, REVOKED

}
