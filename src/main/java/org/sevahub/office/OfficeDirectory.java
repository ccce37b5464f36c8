package org.sevahub.office;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * The department's offices, read once from {@code offices.yml} and checked as a whole: a wrong parent, level or
 * PIN code stops the start rather than misrouting applications later.
 */
@Component
public class OfficeDirectory {

	private final Map<String, Office> offices = new LinkedHashMap<>();

	private final List<String> levels;

	private final String fallback;

	public OfficeDirectory(@Value("${sevahub.offices:classpath:offices.yml}") Resource file) {
		ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
			.setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
			.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
		OfficesFile read;
		try (InputStream in = file.getInputStream()) {
			read = yaml.readValue(in, OfficesFile.class);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the offices " + file, ex);
		}
		this.levels = List.copyOf(read.levels());
		for (Office office : read.offices()) {
			if (offices.put(office.code(), office) != null) {
				throw new IllegalStateException("Office " + office.code() + " appears twice in " + file);
			}
		}
		for (Office office : offices.values()) {
			check(office);
		}
		this.fallback = read.fallback();
		if (fallback == null || !offices.containsKey(fallback)) {
			throw new IllegalStateException("offices.yml: fallback must name an office, not '" + fallback + "'");
		}
	}

	private void check(Office office) {
		String where = "offices.yml, office " + office.code() + ": ";
		if (!office.code().matches("[A-Z0-9-]+")) {
			throw new IllegalStateException(where + "a code is upper-case letters, digits and hyphens");
		}
		if (!levels.contains(office.level())) {
			throw new IllegalStateException(where + "level '" + office.level() + "' is not one of " + levels);
		}
		if (office.parent() != null) {
			Office parent = offices.get(office.parent());
			if (parent == null) {
				throw new IllegalStateException(where + "parent " + office.parent() + " is not an office");
			}
			if (levels.indexOf(parent.level()) >= levels.indexOf(office.level())) {
				throw new IllegalStateException(where + "its parent must sit at a higher level");
			}
		}
		if (!office.names().containsKey("en")) {
			throw new IllegalStateException(where + "needs an English name");
		}
		for (String pin : office.serves().pincodes()) {
			if (!pin.matches("\\d{6}(\\s*-\\s*\\d{6})?")) {
				throw new IllegalStateException(where + "'" + pin + "' is neither a PIN code nor a range of them");
			}
		}
	}

	public Collection<Office> all() {
		return offices.values();
	}

	public Optional<Office> find(String code) {
		return Optional.ofNullable(code).map(offices::get);
	}

	public Office get(String code) {
		return find(code).orElseThrow(() -> new UnknownOfficeException(code));
	}

	/** Where applications go whose address matches no office: its officers transfer them on. */
	public Office fallback() {
		return offices.get(fallback);
	}

	public Optional<Office> parentOf(Office office) {
		return find(office.parent());
	}

	/** The office's state language, or its nearest ancestor's. */
	public String stateLanguage(Office office) {
		for (Office o = office; o != null; o = parentOf(o).orElse(null)) {
			if (o.stateLanguage() != null) {
				return o.stateLanguage();
			}
		}
		return "en";
	}

	/**
	 * The office at {@code level} that {@code office} belongs to: itself or its nearest ancestor sitting at that
	 * level or above. An office above the level (an application only routed to a state) answers itself.
	 */
	public Office atLevel(Office office, String level) {
		int wanted = levels.indexOf(level);
		if (wanted < 0) {
			throw new IllegalArgumentException("Unknown office level '" + level + "': expected one of " + levels);
		}
		Office o = office;
		while (levels.indexOf(o.level()) > wanted && o.parent() != null) {
			o = offices.get(o.parent());
		}
		return o;
	}

	/** The office and everything under it: what an officer posted there may see. */
	public Set<String> subtree(String code) {
		Set<String> codes = new LinkedHashSet<>();
		codes.add(get(code).code());
		boolean grew = true;
		while (grew) {
			grew = false;
			for (Office o : offices.values()) {
				if (o.parent() != null && codes.contains(o.parent()) && codes.add(o.code())) {
					grew = true;
				}
			}
		}
		return codes;
	}

	/** The chain from the office up to its state, the office first. */
	public List<Office> chain(Office office) {
		List<Office> chain = new ArrayList<>();
		for (Office o = office; o != null; o = parentOf(o).orElse(null)) {
			chain.add(o);
		}
		return chain;
	}

	/** How deep the office sits: 0 for a state. */
	int depth(Office office) {
		return levels.indexOf(office.level());
	}

	public List<String> levels() {
		return levels;
	}

	record OfficesFile(List<String> levels, String fallback, List<Office> offices) {
	}

}
