package org.sevahub.notification;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Citizen notifications: which are sent, through which SMS gateway, under which DLT registrations.
 *
 * @param enabled         whether the citizen is told of each step (the SMS gateway also carries OTPs, which do
 *                        not depend on this switch)
 * @param defaultLanguage the language of a citizen whose application and portal say nothing
 */
@ConfigurationProperties("sevahub.notify")
record NotifyProperties(boolean enabled, String defaultLanguage, Sms sms, Email email) {

	NotifyProperties {
		defaultLanguage = defaultLanguage == null || defaultLanguage.isBlank() ? "en" : defaultLanguage;
		sms = sms == null ? new Sms(null, null, 0, 0, null, null, null) : sms;
		email = email == null ? new Email(null) : email;
	}

	/**
	 * @param entityId      the department's Principal Entity ID on the DLT platform, sent with every SMS
	 * @param sender        the DLT-registered header (sender id) the gateway sends from
	 * @param varMaxLength  the longest value a {@code {#var#}} may take (TRAI DLT operators allow 30)
	 * @param urlMaxLength  the longest link a {@code {#url#}} may take
	 * @param templates     per event, per language: the registered template (id and content as registered)
	 * @param otpTemplates  one-time-password texts sent synchronously (sign-in, BSK API-5A): a text is sent
	 *                      under the first whose content it fits
	 */
	record Sms(String entityId, String sender, int varMaxLength, int urlMaxLength, Gateway gateway,
			Map<String, Map<String, Template>> templates, List<Template> otpTemplates) {

		Sms {
			varMaxLength = varMaxLength <= 0 ? 30 : varMaxLength;
			urlMaxLength = urlMaxLength <= 0 ? 100 : urlMaxLength;
			gateway = gateway == null ? new Gateway(null, null, null, null, null, null) : gateway;
			templates = templates == null ? Map.of() : Map.copyOf(templates);
			otpTemplates = otpTemplates == null ? List.of() : List.copyOf(otpTemplates);
		}

	}

	/**
	 * The gateway's HTTP API (Gupshup Enterprise SMS, {@code GatewayAPI/rest}).
	 *
	 * @param url                  the API's address; blank means the built-in sandbox gateway (where it is on)
	 * @param dlrToken             the secret in the delivery-report URL registered with the gateway
	 * @param dlrAllowedIps        addresses (CIDR allowed) delivery reports may come from, behind the installation's
	 *                             trusted proxies; empty: any
	 * @param transientErrorCodes  the gateway's error codes that mean "try later" rather than a refusal
	 */
	record Gateway(String url, String userid, String password, String dlrToken, List<String> dlrAllowedIps,
			List<String> transientErrorCodes) {

		Gateway {
			dlrAllowedIps = dlrAllowedIps == null ? List.of() : List.copyOf(dlrAllowedIps);
			transientErrorCodes = transientErrorCodes == null ? List.of() : List.copyOf(transientErrorCodes);
		}

	}

	/**
	 * A DLT content template as registered on the operator's portal.
	 *
	 * @param entityId blank for the department's ({@link Sms#entityId()})
	 * @param content  the registered text, variables as {@code {#var#}}, {@code {#numeric#}},
	 *                 {@code {#alphanumeric#}} or {@code {#url#}}
	 */
	record Template(String id, String entityId, String content) {
	}

	/** @param from the sender of citizens' e-mails, e.g. {@code SevaHub <no-reply@department.gov.in>} */
	record Email(String from) {
	}

}
