package org.sevahub.portal.isp;

import java.util.List;

/**
 * ISP's rules for the order of status codes (Manual v2, Annexure A), checked before anything is queued: a
 * code ISP would refuse is never sent, because ISP's refusal would park every later status behind it.
 */
public final class IspOrderRules {

	static final String SUBMITTED = "S104";

	static final String REJECTED = "S110";

	static final String DELIVERED = "S112";

	static final String OBJECTION = "S109";

	static final String RESUBMITTED = "S114";

	static final String FEE_PENDING = "S102";

	static final String FEE_PAID = "S103";

	private IspOrderRules() {
	}

	/** Why ISP would refuse {@code next} after {@code sent} (oldest first), or null when it would take it. */
	public static String refusal(List<String> sent, String next) {
		if (sent.contains(REJECTED) || sent.contains(DELIVERED)) {
			return "nothing is accepted after S110/S112";
		}
		if (next.equals(SUBMITTED) && sent.contains(SUBMITTED)) {
			return "S104 is sent only once";
		}
		if ((next.equals(REJECTED) || next.equals(DELIVERED)) && !sent.contains(SUBMITTED)) {
			return "S104 must come before S110/S112";
		}
		String last = sent.isEmpty() ? null : sent.get(sent.size() - 1);
		if (OBJECTION.equals(last) && !next.equals(RESUBMITTED)) {
			return "only S114 is accepted after S109";
		}
		if (FEE_PENDING.equals(last) && !next.equals(FEE_PAID)) {
			return "only S103 is accepted after S102";
		}
		return null;
	}

}
