package jp.kyodo.systemtests;

import java.util.Optional;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * For a class whose ordered test methods are the steps of one story: once a step fails, the later steps are skipped
 * (reported as disabled, naming the failed step) instead of failing for a reason that is not theirs.
 */
public final class StopAfterFirstFailure implements TestWatcher, ExecutionCondition {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(StopAfterFirstFailure.class);
    private static final String FAILED_STEP = "failed-step";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (context.getTestMethod().isEmpty()) {
            return ConditionEvaluationResult.enabled("class level");
        }
        String failed = classStore(context).get(FAILED_STEP, String.class);
        return failed == null ? ConditionEvaluationResult.enabled("no earlier step failed")
                : ConditionEvaluationResult.disabled("skipped: the earlier step " + failed + " failed");
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        classStore(context).put(FAILED_STEP, context.getDisplayName());
    }

    @Override
    public void testAborted(ExtensionContext context, Throwable cause) {
        classStore(context).put(FAILED_STEP, context.getDisplayName());
    }

    @Override
    public void testDisabled(ExtensionContext context, Optional<String> reason) {
        // nothing: a skipped step was skipped because of an earlier one
    }

    private static ExtensionContext.Store classStore(ExtensionContext context) {
        ExtensionContext classContext = context.getTestMethod().isPresent() ? context.getParent().orElseThrow() : context;
        return classContext.getStore(NAMESPACE);
    }
}
