package org.sevahub.application;

/**
 * The contract between SevaHub's Java and every service process: the messages a process waits for, and the
 * variables it is started with. A department's BPMN may add tasks and statuses freely, but keeps these names.
 */
public final class Lifecycle {

	private Lifecycle() {
	}

	/** Messages correlated by business key (= application number). */
	public static final class Messages {

		public static final String DRAFT_SAVED = "DraftSaved";

		public static final String APPLICATION_SUBMITTED = "ApplicationSubmitted";

		public static final String FEE_PAID = "FeePaid";

		public static final String CLARIFICATION_REPLIED = "ClarificationReplied";

		public static final String FIRST_APPEAL_FILED = "FirstAppealFiled";

		public static final String SECOND_APPEAL_FILED = "SecondAppealFiled";

		public static final String APPLICATION_WITHDRAWN = "ApplicationWithdrawn";

		/** A registry's later answer to a beneficiary search, correlated by {@link Variables#REGISTRY_TRANSACTION}. */
		public static final String REGISTRY_SEARCH_ANSWERED = "RegistrySearchAnswered";

		private Messages() {
		}

	}

	/** Process variables. Ids and small facts only: the application itself stays in SevaHub's tables. */
	public static final class Variables {

		public static final String APPLICATION_NO = "applicationNo";

		public static final String SERVICE_CODE = "serviceCode";

		public static final String SERVICE_NAME = "serviceName";

		public static final String APPLICANT_NAME = "applicantName";

		public static final String CHANNEL = "channel";

		public static final String FEE_PAYABLE = "feePayable";

		public static final String FEE_AMOUNT = "feeAmount";

		public static final String BREACH_ACTION = "breachAction";

		/**
		 * Where processes kept a copy of the application's status until December 2026 (every status was also a
		 * variable update and its history); the status is {@code application.status} alone.
		 */
		public static final String FORMER_STATUS = "status";

		public static final String DECISION = "decision";

		public static final String REMARKS = "remarks";

		/** The {@link #REMARKS} a withdrawal carries when the citizen gave no reason. */
		public static final String WITHDRAWN_WITHOUT_REASON = "Withdrawn by the citizen";

		public static final String APPEAL_GROUNDS = "appealGrounds";

		public static final String PAYMENT_REFERENCE = "paymentReference";

		public static final String REGISTRY_TRANSACTION = "registryTransactionId";

		public static final String REGISTRY_SEARCH_PENDING = "registrySearchPending";

		public static final String ALREADY_ENROLLED = "alreadyEnrolled";

		private Variables() {
		}

	}

}
