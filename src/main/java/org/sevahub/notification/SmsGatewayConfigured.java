package org.sevahub.notification;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** An SMS gateway is there to talk to: one configured, or the sandbox's. Without either, SMS are only logged. */
class SmsGatewayConfigured implements Condition {

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		return StringUtils.hasText(context.getEnvironment().getProperty("sevahub.notify.sms.gateway.url"))
				|| context.getEnvironment().getProperty("sevahub.sandbox.enabled", Boolean.class, false);
	}

}
