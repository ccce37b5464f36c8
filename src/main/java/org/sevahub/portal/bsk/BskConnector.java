package org.sevahub.portal.bsk;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.RuntimeService;
import org.sevahub.application.Application;
import org.sevahub.application.Lifecycle;
import org.sevahub.application.PortalLink;
import org.sevahub.delivery.OutboundMessage;
import org.sevahub.delivery.PortalConnector;
import org.sevahub.delivery.QueuedMessage;
import org.sevahub.delivery.SendResult;
import org.sevahub.delivery.StatusChange;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * API-2: tells BSK when an application it started is saved as a draft (applicationStatus 2) or finally
 * submitted (3, with the payment fields). Everything the call needs is captured when the status is recorded;
 * the dispatcher sends it in order and retries.
 */
@Component
@ConditionalOnProperty(name = "sevahub.portals.bsk.enabled", havingValue = "true")
class BskConnector implements PortalConnector {

	static final String API2 = "api2";

	private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
	};

	private final BskClient client;

	private final RuntimeService runtime;

	private final BskStatusMap statuses;

	private final ObjectMapper json;

	private final ZoneId zone;

	BskConnector(BskClient client, BskStatusMap statuses, RuntimeService runtime, ObjectMapper json,
			@Value("${sevahub.time-zone}") ZoneId zone) {
		this.client = client;
		this.statuses = statuses;
		this.runtime = runtime;
		this.json = json;
		this.zone = zone;
	}

	@Override
	public String portal() {
		return BskClient.PORTAL;
	}

	@Override
	public List<OutboundMessage> messagesFor(StatusChange change) {
		Optional<BskStatusMap.Api2> api2 = statuses.api2(change.status());
		if (api2.isEmpty()) {
			return List.of();
		}
		return List.of(new OutboundMessage(API2, write(fields(change, api2.get()))));
	}

	@Override
	public SendResult send(QueuedMessage message) throws Exception {
		Map<String, Object> fields = json.readValue(message.payload(), MAP);
		BskClient.Answer answer = client.api2(fields, message.applicationNo());
		String status = answer.body().path("responseStatus").asText("");
		if (answer.httpStatus() == 200 && answer.statusCode() == 200 && status.equalsIgnoreCase("Success")) {
			return answer.body().path("message").asText("").toLowerCase().contains("already")
					? new SendResult.AlreadyReceived("API-2 already received: " + answer.body())
					: new SendResult.Delivered("API-2 " + fields.get("applicationStatus") + " Success");
		}
		if (answer.httpStatus() == 400 || (answer.httpStatus() == 200 && answer.statusCode() == 400)) {
			return new SendResult.Rejected("BSK refused API-2: " + answer.body());
		}
		return new SendResult.TransientFailure("BSK answered HTTP " + answer.httpStatus() + ": " + answer.body());
	}

	/** API-2's request table, in its order. */
	private Map<String, Object> fields(StatusChange change, BskStatusMap.Api2 api2) {
		Application app = change.application();
		PortalLink link = change.link();
		Map<String, Object> f = new LinkedHashMap<>();
		f.put("userid", Long.parseLong(link.attributes().get("userid")));
		f.put("ticketNo", Long.parseLong(link.attributes().get("ticketNo")));
		f.put("serviceCode", link.attributes().getOrDefault("serviceCode",
				change.service().portalCode(portal()).orElse(change.service().code())));
		f.put("appNo", app.applicationNo());
		f.put("appSubTime", BskTicket.stamp(change.entry().occurredAt(), zone));
		Object reference = api2.applicationStatus() == 3 && app.processInstanceId() != null
				? runtime.getVariable(app.processInstanceId(), Lifecycle.Variables.PAYMENT_REFERENCE) : null;
		// SevaHub's gateways report one reference per payment; BSK's separate transaction and bank
		// reference numbers are left blank rather than invented.
		f.put("deptPayRefNo", reference == null ? "" : reference.toString());
		f.put("transNo", "");
		f.put("bankRefNo", "");
		f.put("paidAmt", reference == null ? BigDecimal.ZERO : change.service().fee());
		f.put("message", api2.message());
		f.put("applicationStatus", api2.applicationStatus());
		f.put("statusCode", 200);
		return f;
	}

	private String write(Map<String, Object> fields) {
		try {
			return json.writeValueAsString(fields);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
