package jp.kyodo.platform.web;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationValue;
import org.jboss.jandex.DotName;
import org.jboss.jandex.MethodInfo;

/** The operation id SmallRye gives a resource method, for build-time filters that find operations in the index. */
public final class OperationIds {

    private static final DotName OPERATION = DotName.createSimple(Operation.class);

    private OperationIds() {
    }

    /** The declared id, else the one of the CLASS_METHOD strategy the services configure. */
    public static String of(MethodInfo method) {
        AnnotationInstance operation = method.declaredAnnotation(OPERATION);
        AnnotationValue declared = operation == null ? null : operation.value("operationId");
        if (declared != null && !declared.asString().isBlank()) {
            return declared.asString();
        }
        return method.declaringClass().simpleName() + "_" + method.name();
    }
}
