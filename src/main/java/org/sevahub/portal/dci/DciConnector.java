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
			return outcome(answer, message.path("transaction_id").asText());
		}
		if (answer.httpStatus() >= 500 || answer.httpStatus() == 429 || "err.service.unavailable".equals(code)) {
			return new SendResult.TransientFailure(answer.error());
		}
		return new SendResult.Rejected(answer.error());
	}

	/**
	 * The spec gives this endpoint a bare {@code EnrollmentUpdatesResponse}; a registry may as well answer with
	 * the signed envelope every other synchronous answer has. Either is read; an envelope must verify like any
	 * message from the registry (a forged or misaddressed one parks the delivery for an admin, and a resend after
	 * the fix is recognised by the registry as a duplicate).
	 */
	private SendResult outcome(DciClient.Answer answer, String transactionId) {
		JsonNode response = answer.body();
		String form = "";
		if (response.has("signature") || response.has("header")) {
			DciCodec.Opened opened;
			try {
				opened = codec.open(answer.raw());
			}
			catch (DciRefusal refused) {
				return new SendResult.Rejected("The registry's signed answer does not verify: " + refused.getMessage());
			}
			if (!properties.receiverId().equals(opened.senderId()) || !opened.addressedTo(properties.senderId())) {
				return new SendResult.Rejected("The signed answer is from " + opened.senderId() + " for "
						+ opened.header().path("receiver_id").asText("(not stated)"));
			}
			if ("rjct".equals(opened.header().path("status").asText())) {
				return new SendResult.Rejected("enrolled_response rjct: "
						+ opened.header().path("status_reason_code").asText() + " "
						+ opened.header().path("status_reason_message").asText());
			}
			response = opened.message();
			form = " (signed answer)";
		}
		if (!transactionId.equals(response.path("transaction_id").asText(transactionId))) {
			return new SendResult.Rejected("The answer is for transaction " + response.path("transaction_id").asText());
		}
		JsonNode items = response.path("enrolled_response");
		if (!items.isArray() || items.isEmpty()) {
			return new SendResult.Rejected("The answer has no enrolled_response");
		}
		for (JsonNode item : items) {
			if (!"succ".equals(item.path("status").asText())) {
				return new SendResult.Rejected("enrolled_response " + item.path("status").asText() + ": "
						+ item.path("status_reason_message").asText());
			}
		}
		return new SendResult.Delivered("enrolled_response succ" + form + " " + response.path("correlation_id").asText());
	}

}
