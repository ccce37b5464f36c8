package org.sevahub.sandbox.digilocker;

import java.util.List;

import org.sevahub.sandbox.digilocker.SandboxDigiLocker.Pull;
import org.sevahub.sandbox.digilocker.SandboxDigiLocker.PullAsk;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseBody;

/** The sandbox DigiLocker's page (a user searching for a certificate) and its JSON twin for tests. */
@Controller
@ConditionalOnProperty(name = { "sevahub.sandbox.enabled", "sevahub.portals.digilocker.enabled" }, havingValue = "true")
class SandboxDigiLockerController {

	private final SandboxDigiLocker digiLocker;

	SandboxDigiLockerController(SandboxDigiLocker digiLocker) {
		this.digiLocker = digiLocker;
	}

	@GetMapping("/sandbox/digilocker/")
	String page(Model model) {
		model.addAttribute("pulls", digiLocker.recent());
		return "sandbox/digilocker";
	}

	@PostMapping("/sandbox/digilocker/")
	String pullFromPage(@ModelAttribute PullAsk ask, Model model) {
		model.addAttribute("result", digiLocker.pull(ask));
		model.addAttribute("pulls", digiLocker.recent());
		return "sandbox/digilocker";
	}

	@PostMapping("/sandbox/digilocker/pull")
	@ResponseBody
	Pull pull(@RequestBody PullAsk ask) {
		return digiLocker.pull(ask);
	}

	@GetMapping("/sandbox/records/digilocker/pulls")
	@ResponseBody
	List<Pull> pulls() {
		return digiLocker.recent();
	}

}
