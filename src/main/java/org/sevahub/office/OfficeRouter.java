package org.sevahub.office;

import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.springframework.stereotype.Component;

/**
 * Which office is competent for an address. A portal's own code for the place (ISP's district, Aaple Sarkar's
 * taluka or district, the BSK operator's centre) is what the citizen chose there and comes first; the PIN code
 * may then narrow it to an office under it. Without a portal code: the PIN code, then the district's name, then
 * the fallback office, whose officers transfer the application on.
 */
@Component
public class OfficeRouter {

	private final OfficeDirectory offices;

	OfficeRouter(OfficeDirectory offices) {
		this.offices = offices;
	}

	/**
	 * @param portal     the portal the application came from, or null
	 * @param attributes what that portal said about the place (its link's attributes)
	 */
	public Routed route(String portal, Map<String, String> attributes, String pincode, String district) {
		Optional<Office> byPortal = byPortal(portal, attributes == null ? Map.of() : attributes);
		Optional<Office> byPin = deepest(o -> o.serves().servesPincode(pincode));
		if (byPortal.isPresent()) {
			Office chosen = byPortal.get();
			if (byPin.isPresent() && offices.subtree(chosen.code()).contains(byPin.get().code())) {
				return new Routed(byPin.get(), "the " + portal + " district and PIN code " + pincode,
						"portal-and-pin", portal, pincode);
			}
			return new Routed(chosen, "the district chosen on " + portal, "portal", portal, null);
		}
		if (byPin.isPresent()) {
			return new Routed(byPin.get(), "PIN code " + pincode, "pin", null, pincode);
		}
		Optional<Office> byDistrict = deepest(o -> o.serves().servesDistrict(district));
		if (byDistrict.isPresent()) {
			return new Routed(byDistrict.get(), "district " + district, "district", null, district);
		}
		return new Routed(offices.fallback(), "no office serves the address; sent to the fallback office",
				"fallback", null, null);
	}

	private Optional<Office> byPortal(String portal, Map<String, String> a) {
		if (portal == null) {
			return Optional.empty();
		}
		return switch (portal) {
			case "isp" -> setting("isp", "district", a.get("residential_district"));
			case "aaplesarkar" -> setting("aaplesarkar", "taluka", a.get("TalukaID"))
				.or(() -> setting("aaplesarkar", "district", a.get("DistrictID")));
			case "bsk" -> a.get("userid") == null ? Optional.empty()
					: deepest(o -> o.portalList("bsk", "users").contains(a.get("userid")));
			default -> Optional.empty();
		};
	}

	private Optional<Office> setting(String portal, String key, String value) {
		return value == null || value.isBlank() ? Optional.empty()
				: deepest(o -> o.portalList(portal, key).contains(value.strip()));
	}

	private Optional<Office> deepest(Predicate<Office> serves) {
		return offices.all().stream().filter(serves).max(Comparator.comparingInt(offices::depth));
	}

	/**
	 * @param reason why this office, in English words, for the application's record
	 * @param basis  why, as data ({@link org.sevahub.application.OfficeMove#basis()}): portal-and-pin, portal, pin,
	 *               district or fallback
	 * @param portal the portal whose district choice counted, if one did
	 * @param place  the PIN code or district that counted, if one did
	 */
	public record Routed(Office office, String reason, String basis, String portal, String place) {
	}

}
