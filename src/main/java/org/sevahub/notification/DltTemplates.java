package org.sevahub.notification;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * The department's DLT registrations, from configuration: a content template per notification event and
 * language, and the templates one-time passwords go under. A template without an id or an entity id is not
 * registered, whatever its content.
 */
@Component
public class DltTemplates {

	/** A template as registered, with the shape its messages must fit. */
	record Registered(String event, String language, String templateId, String entityId, String content,
			DltShape shape) {

		/** Why {@code text} may not be sent under this template, or empty when it may. */
		Optional<String> refusal(String text) {
			return shape.mismatch(text);
		}

	}

	private final Map<String, Map<String, Registered>> byEvent;

	private final List<Registered> otp;

	private final List<Registered> all = new ArrayList<>();

	DltTemplates(NotifyProperties properties) {
		NotifyProperties.Sms sms = properties.sms();
		this.byEvent = new HashMap<>();
		sms.templates().forEach((event, languages) -> languages.forEach((language, template) -> {
			Registered registered = registered(sms, event, language, template);
			if (registered != null) {
				byEvent.computeIfAbsent(event, e -> new HashMap<>()).put(language, registered);
				all.add(registered);
			}
		}));
		this.otp = new ArrayList<>();
		for (NotifyProperties.Template template : sms.otpTemplates()) {
			Registered registered = registered(sms, "otp", "any", template);
			if (registered != null) {
				otp.add(registered);
				all.add(registered);
			}
		}
	}

	private static Registered registered(NotifyProperties.Sms sms, String event, String language,
			NotifyProperties.Template template) {
		String entity = template.entityId() == null || template.entityId().isBlank() ? sms.entityId() : template.entityId();
		if (template.id() == null || template.id().isBlank() || entity == null || entity.isBlank()
				|| template.content() == null || template.content().isBlank()) {
			return null;
		}
		return new Registered(event, language, template.id().strip(), entity.strip(), template.content(),
				new DltShape(template.content(), sms.varMaxLength(), sms.urlMaxLength()));
	}

	/** The template registered for this notification in this language. */
	Optional<Registered> forEvent(String event, String language) {
		return Optional.ofNullable(byEvent.getOrDefault(event, Map.of()).get(language));
	}

	/** The OTP template this text fits, if any. */
	Optional<Registered> forOtp(String text) {
		return otp.stream().filter(t -> t.refusal(text).isEmpty()).findFirst();
	}

	/**
	 * What a gateway's scrubbing does with a submitted SMS: the template it names must be registered under the
	 * entity it names, and the text must fit it. Returns why not, or empty.
	 */
	public Optional<String> scrub(String entityId, String templateId, String text) {
		Optional<Registered> template = all.stream()
			.filter(t -> t.templateId().equals(templateId) && t.entityId().equals(entityId))
			.findFirst();
		if (template.isEmpty()) {
			return Optional.of("no template " + templateId + " is registered under entity " + entityId);
		}
		return template.get().refusal(text);
	}

}
