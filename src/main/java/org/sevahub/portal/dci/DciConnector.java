package org.sevahub.portal.dci;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.sevahub.delivery.OutboundMessage;
import org.sevahub.delivery.PortalConnector;
import org.sevahub.delivery.QueuedMessage;
import org.sevahub.delivery.SendResult;
import org.sevahub.delivery.StatusChange;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Sends the enrollment reports and withdrawals {@link DciRegistry} queued. The registry hears of enrollments,
 * not of statuses, so no status change queues anything here. Each attempt is signed afresh (signatures expire)
 * but keeps the message and transaction ids fixed at queueing, so a resend the registry already took comes back
 * as {@code rjct.message_id.duplicate}: delivered.
 */
@Component
@ConditionalOnProperty(name = "sevahub.portals.dci.enabled", havingValue = "true")
class DciConnector implements PortalConnector {

	private final DciClient client;

	private final DciCodec codec;

	private final DciProperties properties;

	private final ObjectMapper json;

	DciConnector(DciClient client, DciCodec codec, DciProperties properties, ObjectMapper json) {
		this.client = client;
		this.codec = codec;
		this.properties = properties;
		this.json = json;
	}

	@Override
	public String portal() {
		return DciClient.PORTAL;
	}

	@Override
	public List<OutboundMessage> messagesFor(StatusChange change) {
		return List.of();
	}

	@Override
	public SendResult send(QueuedMessage queued) throws IOException {
		if (!DciRegistry.ENROLLMENT.equals(queued.kind())) {
			return new SendResult.Rejected("Unknown DCI message kind " + queued.kind());
		}
		JsonNode payload = json.readTree(queued.payload());
		JsonNode message = payload.get("message");
		int count = message.path("enrolled_updates").path("beneficiaries").size();
		// The spec gives this endpoint the callback header (status required); the sender reports enrollments done.
		ObjectNode header = codec.callbackHeader("notify", properties.receiverId(), "succ", null, null, count, count);
		header.put("message_id", payload.path("message_id").asText());
		DciClient.Answer answer = client.post("/registry/sync/enrollment/updates", header, message,
				queued.applicationNo());
		String code = answer.errorCode();
		if ("rjct.message_id.duplicate".equals(code)) {
			return new SendResult.AlreadyReceived(code);
		}
		if (answer.ok()) {
			JsonNode item = answer.body().path("enrolled_response").path(0);
			if ("succ".equals(item.path("status").asText())) {
				return new SendResult.Delivered("enrolled_response succ " + answer.body().path("correlation_id").asText());
			}
			return new SendResult.Rejected("enrolled_response " + item.path("status").asText() + ": "
					+ item.path("status_reason_message").asText());
		}
		if (answer.httpStatus() >= 500 || answer.httpStatus() == 429 || "err.service.unavailable".equals(code)) {
			return new SendResult.TransientFailure(answer.error());
		}
		return new SendResult.Rejected(answer.error());
	}

}
