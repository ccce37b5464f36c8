package org.sevahub.platform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The balancer in front of SevaHub is one setting for the whole installation, {@code sevahub.trusted-proxies}
 * ({@code SEVAHUB_TRUSTED_PROXIES}), and every check by address (citizens' rate limits, BSK's and the SMS
 * gateway's allow-lists) gets the one {@link TrustedProxies} made here: with a list per component, an operator
 * who named the balancer in one and not the other had one check see every client as the balancer.
 * <p>
 * The two keys that named it per component are still read for one release, their addresses added, with a warning:
 * installations set them, and dropping them silently would make the balancer everyone's address. They sit under
 * other components' prefixes, so the {@link Binder} reads them by name (the same conversion as any
 * {@code @ConfigurationProperties}: a YAML list or a comma-separated variable).
 */
@Configuration(proxyBeanMethods = false)
class TrustedProxiesConfiguration {

	static final String KEY = "sevahub.trusted-proxies";

	/** Deprecated key, and the variable the shipped YAML reads it from. Remove in the release after next. */
	static final Map<String, String> DEPRECATED = deprecated();

	private static final Logger log = LoggerFactory.getLogger(TrustedProxiesConfiguration.class);

	@Bean
	TrustedProxies trustedProxies(Environment environment) {
		Binder binder = Binder.get(environment);
		List<String> addresses = new ArrayList<>(addresses(binder, KEY));
		List<String> stillSet = new ArrayList<>();
		DEPRECATED.forEach((key, variable) -> {
			List<String> old = addresses(binder, key);
			if (!old.isEmpty()) {
				addresses.addAll(old);
				stillSet.add(key + " (" + variable + ")");
			}
		});
		if (!stillSet.isEmpty()) {
			log.warn("Deprecated, and no longer read after this release: {}. The addresses set there are added to {} "
					+ "(SEVAHUB_TRUSTED_PROXIES), the one list of the balancer's addresses for the whole installation; "
					+ "move them there", String.join(" and ", stillSet), KEY);
		}
		return new TrustedProxies(addresses);
	}

	private static List<String> addresses(Binder binder, String key) {
		return binder.bind(key, Bindable.listOf(String.class))
			.orElse(List.of())
			.stream()
			.map(String::strip)
			.filter(address -> !address.isEmpty())
			.toList();
	}

	private static Map<String, String> deprecated() {
		Map<String, String> keys = new LinkedHashMap<>();
		keys.put("sevahub.citizen.trusted-proxies", "SEVAHUB_CITIZEN_TRUSTED_PROXIES");
		keys.put("sevahub.portals.bsk.trusted-proxies", "SEVAHUB_BSK_TRUSTED_PROXIES");
		return keys;
	}

}
