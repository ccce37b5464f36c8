package org.sevahub.portal.aaplesarkar;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The SOAP 1.1 envelopes both sides exchange, read back, and the XML neither side will parse. */
class AaplesarkarSoapTest {

	@Test
	void aCallAndItsAnswerRoundTripWithMarathiIntact() {
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put("EncyKey", "ABCDEF0123456789");
		parameters.put("DeptCode", "क्लायंट<&>");
		byte[] request = AaplesarkarSoap.request("SetAppStatus", parameters);
		assertThat(new String(request, StandardCharsets.UTF_8)).contains("http://schemas.xmlsoap.org/soap/envelope/",
				"http://tempuri.org/");
		AaplesarkarSoap.Call call = AaplesarkarSoap.readCall(request);
		assertThat(call.method()).isEqualTo("SetAppStatus");
		assertThat(call.parameters()).containsExactlyEntriesOf(parameters);

		byte[] answer = AaplesarkarSoap.response("SetAppStatus", "<ResMessage><status>Fail</status></ResMessage>");
		String result = AaplesarkarSoap.readResult(answer, "SetAppStatus");
		assertThat(AaplesarkarClient.resMessage(result)).containsExactly(Map.entry("status", "Fail"));
		assertThat(AaplesarkarClient.resMessage("<ResMessage><error>Invalid CheckSum</error></ResMessage>"))
			.containsEntry("error", "Invalid CheckSum");
		assertThatThrownBy(() -> AaplesarkarSoap.readResult(answer, "GetParameterNew"))
			.hasMessageContaining("not a GetParameterNewResponse");
	}

	@Test
	void aFaultIsReadAsAFaultWithItsCode() {
		byte[] fault = AaplesarkarSoap.fault("Server", "Server was unable to process request.");
		assertThatThrownBy(() -> AaplesarkarSoap.readResult(fault, "SetAppStatus"))
			.isInstanceOfSatisfying(AaplesarkarSoap.AaplesarkarSoapException.class, ex -> {
				assertThat(ex.faultCode()).endsWith("Server");
				assertThat(ex.getMessage()).isEqualTo("Server was unable to process request.");
			});
	}

	@Test
	void aClientFaultIsTheRequestsFaultAServerFaultAndSevaHubsOwnParseErrorsAreNot() {
		assertThatThrownBy(() -> AaplesarkarSoap.readResult(AaplesarkarSoap.fault("Client", "Invalid EncyKey"), "SetAppStatus"))
			.isInstanceOfSatisfying(AaplesarkarSoap.AaplesarkarSoapException.class, ex -> {
				assertThat(ex.faultCode()).endsWith(":Client");
				assertThat(ex.clientFault()).isTrue();
			});
		assertThatThrownBy(() -> AaplesarkarSoap.readResult(AaplesarkarSoap.fault("Server", "Timeout expired"), "SetAppStatus"))
			.isInstanceOfSatisfying(AaplesarkarSoap.AaplesarkarSoapException.class,
					ex -> assertThat(ex.clientFault()).isFalse());
		for (byte[] garbage : List.of("<html>502 Bad Gateway</html>".getBytes(StandardCharsets.UTF_8),
				AaplesarkarSoap.response("GetParameterNew", "x"))) {
			assertThatThrownBy(() -> AaplesarkarSoap.readResult(garbage, "SetAppStatus"))
				.isInstanceOfSatisfying(AaplesarkarSoap.AaplesarkarSoapException.class, ex -> {
					assertThat(ex.faultCode()).isEqualTo(AaplesarkarSoap.AaplesarkarSoapException.UNREADABLE);
					assertThat(ex.clientFault()).as("SevaHub's own parse error is no soap:Client").isFalse();
				});
		}
	}

	@Test
	void doctypesEntitiesAndGarbageAreRefusedOnEveryLayer() {
		String entity = "<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/hostname\">]>";
		assertThatThrownBy(() -> AaplesarkarClient.resMessage(entity + "<ResMessage><status>&x;</status></ResMessage>"))
			.hasMessage("not well-formed XML");
		String bomb = "<!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]>";
		assertThatThrownBy(() -> AaplesarkarClient.resMessage(bomb + "<ResMessage><status>&b;</status></ResMessage>"))
			.hasMessage("not well-formed XML");
		byte[] envelope = (entity + new String(AaplesarkarSoap.response("SetAppStatus", "x"), StandardCharsets.UTF_8)
			.replaceFirst("^<\\?xml[^>]*\\?>", "")).getBytes(StandardCharsets.UTF_8);
		assertThatThrownBy(() -> AaplesarkarSoap.readResult(envelope, "SetAppStatus"))
			.hasMessage("not a well-formed SOAP envelope");
		assertThatThrownBy(() -> AaplesarkarSoap.readCall("{\"webstr\":1}".getBytes(StandardCharsets.UTF_8)))
			.hasMessage("not a well-formed SOAP envelope");
		assertThatThrownBy(() -> AaplesarkarClient.resMessage("<Other/>")).hasMessage("not a ResMessage");
	}

}
