package org.sevahub.office;

import java.util.List;
import java.util.Map;

/**
 * One office of the department's hierarchy as {@code offices.yml} declares it.
 *
 * @param level   {@code state}, {@code district} or {@code sub-division} (a department may add levels: only their
 *                order in {@code levels:} matters)
 * @param names   by language: English and the state's language at least
 * @param serves  the area it is competent for; an office serving nothing is reached only through its children
 * @param portals what each portal calls this office's area: ISP's district and location codes, Aaple Sarkar's
 *                district and taluka ids, the BSK operators' user ids at its centres
 */
public record Office(String code, Map<String, String> names, String parent, String level, String stateLanguage,
		Area serves, Map<String, Map<String, Object>> portals) {

	public Office {
		names = names == null ? Map.of() : Map.copyOf(names);
		serves = serves == null ? Area.NONE : serves;
		portals = portals == null ? Map.of() : Map.copyOf(portals);
	}

	public String nameEn() {
		return names.getOrDefault("en", code);
	}

	/** The name in {@code language}, or English where the office has none in it. */
	public String name(String language) {
		return names.getOrDefault(language, nameEn());
	}

	/** A portal's setting for this office as text, or null. */
	public String portalSetting(String portal, String key) {
		Object value = portals.getOrDefault(portal, Map.of()).get(key);
		return value == null ? null : value.toString();
	}

	/** A portal's list setting for this office (BSK user ids), as text. */
	public List<String> portalList(String portal, String key) {
		Object value = portals.getOrDefault(portal, Map.of()).get(key);
		if (value instanceof List<?> list) {
			return list.stream().map(String::valueOf).toList();
		}
		return value == null ? List.of() : List.of(value.toString());
	}

	/**
	 * @param pincodes single PIN codes ({@code 700029}) or inclusive ranges ({@code 700001-700107})
	 */
	public record Area(List<String> districts, List<String> blocks, List<String> pincodes) {

		static final Area NONE = new Area(List.of(), List.of(), List.of());

		public Area {
			districts = districts == null ? List.of() : List.copyOf(districts);
			blocks = blocks == null ? List.of() : List.copyOf(blocks);
			pincodes = pincodes == null ? List.of() : List.copyOf(pincodes);
		}

		boolean servesPincode(String pincode) {
			if (pincode == null || !pincode.strip().matches("\\d{6}")) {
				return false;
			}
			int pin = Integer.parseInt(pincode.strip());
			for (String entry : pincodes) {
				String[] range = entry.split("-");
				int from = Integer.parseInt(range[0].strip());
				int to = range.length > 1 ? Integer.parseInt(range[1].strip()) : from;
				if (pin >= from && pin <= to) {
					return true;
				}
			}
			return false;
		}

		boolean servesDistrict(String district) {
			return district != null && districts.stream().anyMatch(d -> d.equalsIgnoreCase(district.strip()));
		}

		boolean servesBlock(String block) {
			return block != null && blocks.stream().anyMatch(b -> b.equalsIgnoreCase(block.strip()));
		}

	}

}
