package com.leadflow.intake;

import com.leadflow.test.ServiceBasicsScenarios;

@IntakeIntegrationTest
class IntakeServiceStartsTest extends ServiceBasicsScenarios {
}
