package jp.kyodo.agreement.procedure;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import jp.kyodo.platform.problem.ProblemException;

/**
 * A state machine written as a table: each step a person takes leads from some states to one (or, where a rule
 * decides, one of several) others. A procedure declares its machines as constants, so the whole of a form's procedure
 * reads in one place; the service asks the machine before it changes anything, and the README's diagrams are drawn
 * from the same table ({@link #mermaid}).
 *
 * @param <S> the states
 * @param <T> the steps
 */
public final class StepMachine<S extends Enum<S>, T extends Enum<T>> {

    /** One arrow of the diagram: {@code step} leads from {@code from} to {@code to}. */
    public record Transition<S, T>(S from, T step, S to) {
    }

    private final String name;
    private final S initial;
    private final List<Transition<S, T>> transitions;

    private StepMachine(String name, S initial, List<Transition<S, T>> transitions) {
        this.name = name;
        this.initial = initial;
        this.transitions = List.copyOf(transitions);
    }

    /** A machine whose tracks start in {@code initial}. */
    public static <S extends Enum<S>, T extends Enum<T>> Builder<S, T> startingIn(String name, S initial) {
        return new Builder<>(name, initial);
    }

    public String name() {
        return name;
    }

    public S initial() {
        return initial;
    }

    public List<Transition<S, T>> transitions() {
        return transitions;
    }

    /** The steps that may be taken in {@code state}, in the table's order. */
    public List<T> stepsFrom(S state) {
        Set<T> steps = new LinkedHashSet<>();
        transitions.stream().filter(t -> t.from() == state).forEach(t -> steps.add(t.step()));
        return List.copyOf(steps);
    }

    public boolean allows(S from, T step, S to) {
        return transitions.stream().anyMatch(t -> t.from() == from && t.step() == step && t.to() == to);
    }

    public boolean allows(S from, T step) {
        return transitions.stream().anyMatch(t -> t.from() == from && t.step() == step);
    }

    /** 409 (invalid transition, naming the steps allowed now) unless {@code step} may be taken in {@code from}. */
    public void require(S from, T step) {
        if (!allows(from, step)) {
            throw refused(from, step);
        }
    }

    /** The state {@code step} leads to from {@code from}, when the table has exactly one. */
    public S next(S from, T step) {
        List<S> targets = transitions.stream().filter(t -> t.from() == from && t.step() == step).map(Transition::to)
                .distinct().toList();
        if (targets.isEmpty()) {
            throw refused(from, step);
        }
        if (targets.size() > 1) {
            throw new IllegalStateException(name + ": " + step + " from " + from + " has several outcomes " + targets);
        }
        return targets.get(0);
    }

    /** The state a rule chose for {@code step}, checked against the table (a programming error if absent). */
    public S next(S from, T step, S chosen) {
        require(from, step);
        if (!allows(from, step, chosen)) {
            throw new IllegalStateException(name + ": " + step + " cannot lead from " + from + " to " + chosen);
        }
        return chosen;
    }

    /** States from which no step leads anywhere. */
    public Set<S> finalStates() {
        Set<S> all = new LinkedHashSet<>();
        all.add(initial);
        transitions.forEach(t -> {
            all.add(t.from());
            all.add(t.to());
        });
        transitions.forEach(t -> all.remove(t.from()));
        return Collections.unmodifiableSet(all);
    }

    /** The machine as a Mermaid state diagram, with the labels people read. */
    public String mermaid(Function<S, String> stateLabel, Function<T, String> stepLabel) {
        StringBuilder out = new StringBuilder("stateDiagram-v2\n");
        Map<S, String> ids = new EnumMap<>(initial.getDeclaringClass());
        for (S state : initial.getDeclaringClass().getEnumConstants()) {
            ids.put(state, state.name());
            out.append("    state \"").append(stateLabel.apply(state)).append("\" as ").append(state.name()).append('\n');
        }
        out.append("    [*] --> ").append(initial.name()).append('\n');
        for (Transition<S, T> t : transitions) {
            out.append("    ").append(ids.get(t.from())).append(" --> ").append(ids.get(t.to())).append(" : ")
                    .append(stepLabel.apply(t.step())).append('\n');
        }
        for (S last : finalStates()) {
            out.append("    ").append(last.name()).append(" --> [*]\n");
        }
        return out.toString();
    }

    private ProblemException refused(S from, T step) {
        return ProblemException.invalidTransition(from.name(), step.name(),
                stepsFrom(from).stream().map(Enum::name).toList());
    }

    /** Writes the table row by row. */
    public static final class Builder<S extends Enum<S>, T extends Enum<T>> {
        private final String name;
        private final S initial;
        private final List<Transition<S, T>> transitions = new ArrayList<>();

        private Builder(String name, S initial) {
            this.name = name;
            this.initial = initial;
        }

        /** {@code step} leads from each of {@code from} to {@code to}. */
        @SafeVarargs
        public final Builder<S, T> step(T step, S to, S... from) {
            for (S f : from) {
                transitions.add(new Transition<>(f, step, to));
            }
            return this;
        }

        public StepMachine<S, T> build() {
            return new StepMachine<>(name, initial, transitions);
        }
    }
}
