package org.ml4em.tf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.ml4em.BadInputException;

/** Device choice is honest: on a machine without a usable GPU, auto says it fell back, gpu is refused. */
class TensorFlowDevicesTest {

	@Test
	void autoFallsBackToCpuAndSaysSo() {
		Assumptions.assumeFalse(TensorFlowDevices.gpuUsable(), "a GPU is usable here; the fallback cannot be seen");
		ComputeDevice d = TensorFlowDevices.resolve(DeviceChoice.AUTO);
		assertFalse(d.gpu());
		assertEquals("CPU (no GPU found, running on CPU)", d.toString());
	}

	@Test
	void gpuWithoutGpuIsRefused() {
		Assumptions.assumeFalse(TensorFlowDevices.gpuUsable(), "a GPU is usable here");
		BadInputException e = assertThrows(BadInputException.class, () -> TensorFlowDevices.resolve(DeviceChoice.GPU));
		assertTrue(e.getMessage().contains("use device=auto or device=cpu"), e.getMessage());
	}

	@Test
	void gpuWhenPresentIsReportedAsGpu() {
		Assumptions.assumeTrue(TensorFlowDevices.gpuUsable(), "no GPU on this machine");
		assertEquals("GPU:0", TensorFlowDevices.resolve(DeviceChoice.AUTO).toString());
	}

	@Test
	void cpuIsAlwaysCpu() {
		assertEquals("CPU", TensorFlowDevices.resolve(DeviceChoice.CPU).toString());
	}

	@Test
	void wordsAreParsed() {
		assertEquals(DeviceChoice.GPU, DeviceChoice.parse(" GPU "));
		assertEquals(DeviceChoice.AUTO, DeviceChoice.parse(""));
		BadInputException e = assertThrows(BadInputException.class, () -> DeviceChoice.parse("tpu"));
		assertEquals("device='tpu' is not known; expected auto, cpu or gpu.", e.getMessage());
		assertTrue(TensorFlowDevices.tensorFlowVersion().startsWith("2."));
	}
}
