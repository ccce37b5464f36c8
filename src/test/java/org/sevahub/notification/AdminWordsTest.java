package org.sevahub.notification;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.sevahub.delivery.DeliveryState;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin pages show a delivery's state, a notification's state, event and channel in words: each code has its
 * words in every bundle (LanguageBundlesTest then holds every bundle to the same keys).
 */
class AdminWordsTest {

	@Test
	void everyStateEventAndChannelHasWordsInEveryLanguage() throws IOException {
		for (String language : List.of("", "_hi", "_bn", "_mr")) {
			Properties bundle = bundle(language);
			for (DeliveryState state : DeliveryState.values()) {
				assertThat(bundle.getProperty("delivery.state." + state)).as("%s %s", language, state).isNotBlank();
			}
			for (NotificationLog.State state : NotificationLog.State.values()) {
				assertThat(bundle.getProperty("notify.state." + state)).as("%s %s", language, state).isNotBlank();
			}
			for (NotificationEvent event : NotificationEvent.values()) {
				assertThat(bundle.getProperty("notify.event." + event.key)).as("%s %s", language, event).isNotBlank();
			}
			for (String other : List.of("notify.event.otp", "notify.channel.sms", "notify.channel.email")) {
				assertThat(bundle.getProperty(other)).as("%s %s", language, other).isNotBlank();
			}
		}
	}

	private static Properties bundle(String suffix) throws IOException {
		Properties properties = new Properties();
		try (Reader in = new InputStreamReader(
				AdminWordsTest.class.getResourceAsStream("/messages" + suffix + ".properties"), StandardCharsets.UTF_8)) {
			properties.load(in);
		}
		return properties;
	}

}
