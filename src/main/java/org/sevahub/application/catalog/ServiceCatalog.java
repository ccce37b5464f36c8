package org.sevahub.application.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/** The notified services, read once from {@code catalog.yml}. */
@Component("serviceCatalog")
public class ServiceCatalog {

	private final Map<String, ServiceDefinition> services = new LinkedHashMap<>();

	public ServiceCatalog(@Value("${sevahub.catalog:classpath:catalog.yml}") Resource catalog) {
		ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
			.setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
			.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
		try (InputStream in = catalog.getInputStream()) {
			for (ServiceDefinition service : yaml.readValue(in, CatalogFile.class).services()) {
				if (services.put(service.code(), service) != null) {
					throw new IllegalStateException("Service " + service.code() + " appears twice in " + catalog);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the service catalog " + catalog, ex);
		}
	}

	public Collection<ServiceDefinition> all() {
		return services.values();
	}

	public Optional<ServiceDefinition> find(String code) {
		return Optional.ofNullable(code).map(services::get);
	}

	public ServiceDefinition get(String code) {
		return find(code).orElseThrow(() -> new UnknownServiceException(code));
	}

	/** The service a portal knows by {@code portalCode}. */
	public Optional<ServiceDefinition> findByPortalCode(String portal, String portalCode) {
		return services.values()
			.stream()
			.filter(s -> s.portalCode(portal).filter(c -> c.equalsIgnoreCase(portalCode)).isPresent())
			.findFirst();
	}

	record CatalogFile(List<ServiceDefinition> services) {
	}

}
