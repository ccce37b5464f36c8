package org.sevahub.application;

import java.math.BigDecimal;

/**
 * A payment gateway that collects a service's fee. A portal with its own gateway (Aaple Sarkar) claims the
 * applications that came through it; the first gateway, in Spring's order, that claims an application takes
 * its fee. When the fee is paid the gateway calls {@link ApplicationService#confirmFeePaid}.
 */
public interface FeeGateway {

	boolean collects(Application application);

	/** Where to send the citizen to pay {@code amount} for the application. */
	String paymentUrl(Application application, BigDecimal amount);

}
