package jp.kyodo.agreement.procedure;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jp.kyodo.kernel.CollaborationForm;

/** The procedure of every form of collaboration, with the city's configured periods. */
public final class Procedures {

    private final Map<CollaborationForm, FormProcedure> byForm = new EnumMap<>(CollaborationForm.class);

    public Procedures(ProcedureSettings settings) {
        for (FormProcedure procedure : List.of(new AgreementProcedure(settings), new JointFundingProcedure(settings),
                new CommissionProcedure(settings), new SubsidyProcedure(settings), new EndorsementProcedure(settings),
                new CoHostingProcedure(settings), new CooperationProcedure(settings), new AdoptProcedure(settings))) {
            byForm.put(procedure.form(), procedure);
        }
        if (byForm.size() != CollaborationForm.values().length) {
            throw new IllegalStateException("a form has no procedure");
        }
    }

    public FormProcedure of(CollaborationForm form) {
        return byForm.get(form);
    }

    public <P extends FormProcedure> P of(CollaborationForm form, Class<P> type) {
        return type.cast(byForm.get(form));
    }

    public List<FormProcedure> all() {
        return List.copyOf(byForm.values());
    }
}
