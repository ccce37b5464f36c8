package org.sevahub.portal.isp;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.sevahub.application.Application;
import org.sevahub.application.PortalLinks;
import org.sevahub.application.PortalReturn;
import org.sevahub.delivery.ServerBaseUrl;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** ISP's redirection link (manual section 9): back to ISP with SUCCESS or FAILED and a message. */
@Component
@ConditionalOnProperty(name = "sevahub.portals.isp.enabled", havingValue = "true")
class IspReturn implements PortalReturn {

	private final PortalLinks links;

	private final IspProperties properties;

	private final ServerBaseUrl baseUrl;

	IspReturn(PortalLinks links, IspProperties properties, ServerBaseUrl baseUrl) {
		this.links = links;
		this.properties = properties;
		this.baseUrl = baseUrl;
	}

	@Override
	public Optional<Link> link(Application application, boolean submitted) {
		return links.find(application.id(), IspClient.PORTAL)
			.filter(link -> link.attributes().containsKey("sessionkey"))
			.map(link -> new Link("ISP", baseUrl.resolve(properties.redirectUrl(), IspClient.PORTAL, "/getMessageFromDepartment")
					+ "?sessionkey=" + encode(link.attributes().get("sessionkey")) + "&return_success_or_failed="
					+ (submitted ? "SUCCESS" : "FAILED") + "&MESSAGETEXT="
					+ encode(submitted ? "Application " + application.applicationNo() + " submitted"
							: "Application " + application.applicationNo() + " not submitted")));
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
