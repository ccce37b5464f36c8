package org.sevahub.document;

import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;

import org.sevahub.application.catalog.ServiceCatalog;
import org.sevahub.application.catalog.ServiceDefinition;

import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.stereotype.Component;

/**
 * The documents each service asks for and how long it keeps them, read once from the catalog and checked at
 * start: a typo in a type, a limit above what the server accepts at all, or a condition that is not FEEL stops
 * SevaHub from starting rather than surfacing on a citizen's upload.
 */
@Component
public class DocumentCatalog {

	/** Without {@code document-retention}, documents of a closed application are kept this long. */
	static final Period DEFAULT_RETENTION = Period.ofYears(1);

	private final Map<String, List<DocumentRequirement>> requirements = new LinkedHashMap<>();

	private final Map<String, Period> retention = new LinkedHashMap<>();

	DocumentCatalog(ServiceCatalog catalog, DocumentConditions conditions, MultipartProperties multipart) {
		ObjectMapper reader = new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
			.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
		long serverLimit = multipart.getMaxFileSize().toBytes();
		for (ServiceDefinition service : catalog.all()) {
			List<DocumentRequirement> declared = service.documents()
				.stream()
				.map(raw -> reader.convertValue(raw, DocumentRequirement.class))
				.toList();
			Set<String> codes = new HashSet<>();
			for (DocumentRequirement doc : declared) {
				String where = "catalog.yml, service " + service.code() + ", document " + doc.code();
				if (doc.code() == null || !doc.code().matches("[a-z0-9][a-z0-9-]{0,59}") || !codes.add(doc.code())) {
					throw new IllegalStateException(where + ": a code is lower-case letters, digits and '-', unique per service");
				}
				if (doc.types().isEmpty() || doc.types().stream().anyMatch(t -> AcceptedType.of(t).isEmpty())) {
					throw new IllegalStateException(where + ": types must be among application/pdf, image/jpeg, image/png");
				}
				if (doc.maxBytes() <= 0 || doc.maxBytes() > serverLimit) {
					throw new IllegalStateException(where + ": max-bytes must be positive and at most "
							+ "spring.servlet.multipart.max-file-size (" + serverLimit + " bytes)");
				}
				if (doc.conditional()) {
					conditions.check(doc.condition(), where);
				}
			}
			requirements.put(service.code(), declared);
			retention.put(service.code(), period(service));
		}
	}

	/** What {@code serviceCode} asks for, in the catalog's order. */
	public List<DocumentRequirement> of(String serviceCode) {
		return requirements.getOrDefault(serviceCode, List.of());
	}

	public Optional<DocumentRequirement> find(String serviceCode, String code) {
		return of(serviceCode).stream().filter(d -> d.code().equals(code)).findFirst();
	}

	Period retention(String serviceCode) {
		return retention.getOrDefault(serviceCode, DEFAULT_RETENTION);
	}

	/** The shortest retention of any service: nothing closed more recently than this can be due. */
	Period shortestRetention() {
		return retention.values()
			.stream()
			.min((a, b) -> Long.compare(a.toTotalMonths() * 31 + a.getDays(), b.toTotalMonths() * 31 + b.getDays()))
			.orElse(DEFAULT_RETENTION);
	}

	private static Period period(ServiceDefinition service) {
		if (service.documentRetention() == null || service.documentRetention().isBlank()) {
			return DEFAULT_RETENTION;
		}
		try {
			return Period.parse(service.documentRetention().strip());
		}
		catch (DateTimeParseException ex) {
			throw new IllegalStateException("catalog.yml, service " + service.code()
					+ ": document-retention must be an ISO-8601 period such as P1Y or P6M", ex);
		}
	}

}
