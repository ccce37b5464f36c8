package org.sevahub.portal.isp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.sevahub.application.Application;
import org.sevahub.delivery.DeliveryState;
import org.sevahub.portal.isp.IspHandovers.Handover;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

/**
 * ISP after a rejection, for a department that chose {@code after-rejection: send} (the shipped status map with
 * that one line changed): S110 goes at once, and when the rejection is then allowed on appeal, issued and
 * delivered, ISP keeps showing REJECTED. Nothing is sent that ISP's rules forbid, and every status kept from it
 * is shown as "not sent: closed at the portal", and the citizen is told.
 */
class IspRejectionSentAtOnceProcessTest extends IspProcessTestSupport {

	@DynamicPropertySource
	static void rejectionSentAtOnce(DynamicPropertyRegistry registry) {
		try (InputStream shipped = IspRejectionSentAtOnceProcessTest.class.getResourceAsStream("/portal-status/isp.yml")) {
			String map = new String(shipped.readAllBytes(), StandardCharsets.UTF_8);
			assertThat(map).contains("\n  mode: hold\n");
			Path file = Files.createTempFile("isp-send-at-once", ".yml");
			file.toFile().deleteOnExit();
			Files.writeString(file, map.replace("\n  mode: hold\n", "\n  mode: send\n"));
			registry.add("sevahub.portals.isp.status-map", () -> file.toUri().toString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Test
	void aRejectionAllowedOnAppealIsNotSentToIspAfterS110ButShownEverywhereAndTheCitizenIsTold() throws Exception {
		Handover handover = isp().land("BRC01", null);
		Application app = rejected(handover);
		dispatcher.dispatchDue();
		assertThat(isp().codes(handover.requestId())).containsExactly("S104", "S107", "S105", "S110");

		applications.fileAppeal(app.applicationNo(), "Registered at Lucknow Nagar Nigam, receipt enclosed");
		driver.decide(app, "Task_HearFirstAppeal", "approve", "Registration found");
		issuedAndDelivered(app);
		assertThat(driver.instance(app)).isEnded().hasPassed("End_Delivered");
		dispatcher.dispatchDue();

		List<String> codes = isp().codes(handover.requestId());
		assertThat(codes).containsExactly("S104", "S107", "S105", "S110");
		IspHandovers.assertKeepsTheOrderRules(codes);
		assertThat(isp().calls(handover.requestId())).filteredOn(c -> c.get("status_code") != null)
			.allSatisfy(c -> assertThat(c.get("outcome")).isEqualTo("SUCCESSFUL"));
		assertThat(ispDeliveries(app)).noneSatisfy(d -> assertThat(d.state()).isIn(DeliveryState.PENDING,
				DeliveryState.PARKED, DeliveryState.WITHDRAWN));
		assertClosedAtIsp(app, handover, List.of("APPEAL_FILED", "APPEAL_ALLOWED", "CERTIFICATE_ISSUED", "DELIVERED"));
	}

}
