package org.sevahub.notification;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.sevahub.application.Applicant;
import org.sevahub.application.ApplicationRepository;
import org.sevahub.delivery.OutboundMessage;
import org.sevahub.delivery.PortalConnector;
import org.sevahub.delivery.StatusChange;

/**
 * What the citizen's channels (SMS, e-mail) share as outbox connectors: no application is ever linked to them
 * (notifications queue their own messages), the payload is JSON of the channel's own record, and the address
 * is read from the applicant when the message is sent, never stored in the queue.
 */
abstract class CitizenChannel implements PortalConnector {

	private final String channel;

	private final ApplicationRepository applications;

	private final ObjectMapper json;

	CitizenChannel(String channel, ApplicationRepository applications, ObjectMapper json) {
		this.channel = channel;
		this.applications = applications;
		this.json = json;
	}

	@Override
	public String portal() {
		return channel;
	}

	@Override
	public List<OutboundMessage> messagesFor(StatusChange change) {
		return List.of();
	}

	OutboundMessage message(Object payload) {
		try {
			return new OutboundMessage(channel, json.writeValueAsString(payload));
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	<T> T payload(String payload, Class<T> type) throws JsonProcessingException {
		return json.readValue(payload, type);
	}

	/** The applicant's address on this channel now (their mobile, their e-mail), if they have one. */
	Optional<String> address(long applicationId, Function<Applicant, String> field) {
		return applications.findById(applicationId)
			.map(applications::applicantOf)
			.map(field)
			.filter(address -> !address.isBlank());
	}

}
