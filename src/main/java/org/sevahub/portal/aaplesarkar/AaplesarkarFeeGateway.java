package org.sevahub.portal.aaplesarkar;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.sevahub.application.ActionNotAllowedException;
import org.sevahub.application.Applicant;
import org.sevahub.application.Application;
import org.sevahub.application.ApplicationService;
import org.sevahub.application.FeeGateway;
import org.sevahub.application.Lifecycle;
import org.sevahub.application.PortalLink;
import org.sevahub.application.PortalLinks;
import org.sevahub.delivery.ServerBaseUrl;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClientException;

/**
 * Aaple Sarkar's own payment gateway collects the fee of every application Aaple Sarkar handed over (document
 * 3.3, 3.3): ValidateRequest with the 16-field string, then the citizen goes to Pay with the key it gave. The
 * gateway comes back to {@code /aaplesarkar/payment/return} ({@link AaplesarkarPaymentReturnController}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
@ConditionalOnProperty(name = "sevahub.portals.aaplesarkar.enabled", havingValue = "true")
class AaplesarkarFeeGateway implements FeeGateway {

	static final String RETURN_PATH = "/aaplesarkar/payment/return";

	private final AaplesarkarClient client;

	private final PortalLinks links;

	private final ApplicationService applications;

	private final ServerBaseUrl baseUrl;

	private final ZoneId zone;

	AaplesarkarFeeGateway(AaplesarkarClient client, PortalLinks links, ApplicationService applications,
			ServerBaseUrl baseUrl, @Value("${sevahub.time-zone}") ZoneId zone) {
		this.client = client;
		this.links = links;
		this.applications = applications;
		this.baseUrl = baseUrl;
		this.zone = zone;
	}

	@Override
	public boolean collects(Application application) {
		return links.find(application.id(), AaplesarkarClient.PORTAL).isPresent();
	}

	@Override
	public String paymentUrl(Application application, BigDecimal amount) {
		if (!awaitsFee(applications, application.applicationNo())) {
			// Aaple Sarkar's gateway would take the money all the same; nothing here could use it.
			throw new ActionNotAllowedException(
					"Application " + application.applicationNo() + " is not waiting for a fee; nothing is to be paid");
		}
		PortalLink link = links.find(application.id(), AaplesarkarClient.PORTAL).orElseThrow();
		AaplesarkarClient.PaymentKey key;
		try {
			key = client.validateRequest(requestString(application, link), application.applicationNo());
		}
		catch (RestClientException ex) {
			throw new ActionNotAllowedException(
					"Aaple Sarkar's payment service is not answering; please try again in a few minutes");
		}
		if (key.key() == null) {
			throw new ActionNotAllowedException("Aaple Sarkar refused the payment request: " + key.errors());
		}
		return client.payPageUrl(key);
	}

	/** Whether the application's process is waiting for its fee now (the pay button and the return both ask). */
	static boolean awaitsFee(ApplicationService applications, String applicationNo) {
		return applications.awaitedMessages(applicationNo).contains(Lifecycle.Messages.FEE_PAID);
	}

	/**
	 * {@code ClientCode|CheckSum|ServiceID|ApplicationID|Districtid|ApplicationDate|TrackID|APUserId|MobileNo|Name|
	 * returnurl|UD1|UD2|UD3|UD4|UD5}. The document does not say what CheckSum covers; as for pullWebService it is
	 * taken over the other fields in order with the checksum key last.
	 */
	String requestString(Application application, PortalLink link) {
		Applicant applicant = applications.applicantOf(application);
		AaplesarkarProperties properties = client.properties();
		List<String> fields = new ArrayList<>(List.of(properties.clientCode(),
				link.attributes().getOrDefault("ServiceID", "NA"), application.applicationNo(),
				link.attributes().getOrDefault("DistrictID", "NA"),
				application.createdAt().atZone(zone).toLocalDate().toString(), link.externalRef(),
				link.attributes().getOrDefault("UserID", "NA"), orNa(applicant.mobile()),
				AaplesarkarConnector.remark(orNa(applicant.nameEn() != null ? applicant.nameEn() : applicant.nameLocal())),
				returnUrl(), "NA", "NA", "NA", "NA", "NA"));
		String checksum = client.codec().keyedChecksum(fields);
		fields.add(1, checksum);
		return String.join("|", fields);
	}

	private String returnUrl() {
		String configured = client.properties().returnUrl();
		return configured != null && !configured.isBlank() ? configured : baseUrl.publicUrl() + RETURN_PATH;
	}

	private static String orNa(String value) {
		return value == null || value.isBlank() ? "NA" : value;
	}

}
