package duso.lang.compiler;

import duso.lang.ast.Expr;
import duso.lang.ast.Program;
import duso.lang.ast.Stmt;
import duso.lang.lexer.TokenType;
import duso.lang.nodes.AccessErrorNode;
import duso.lang.nodes.ArithmeticNodes;
import duso.lang.nodes.ArrayLitNode;
import duso.lang.nodes.AssignNodes;
import duso.lang.nodes.BareIdentNode;
import duso.lang.nodes.BlockNode;
import duso.lang.nodes.CallNode;
import duso.lang.nodes.ComparisonNodes;
import duso.lang.nodes.CompoundAssignNode;
import duso.lang.nodes.ConstNode;
import duso.lang.nodes.ControlNodes;
import duso.lang.nodes.ExprNode;
import duso.lang.nodes.ExprStmtNode;
import duso.lang.nodes.FunctionCode;
import duso.lang.nodes.FunctionLitNode;
import duso.lang.nodes.Globals;
import duso.lang.nodes.IncrementNode;
import duso.lang.nodes.IndexNode;
import duso.lang.nodes.LogicNodes;
import duso.lang.nodes.LoopNodes;
import duso.lang.nodes.LoopScope;
import duso.lang.nodes.ObjectLitNode;
import duso.lang.nodes.PropertyNode;
import duso.lang.nodes.ReadVarNode;
import duso.lang.nodes.RegexNode;
import duso.lang.nodes.SelfNode;
import duso.lang.nodes.StmtNode;
import duso.lang.nodes.Target;
import duso.lang.nodes.TemplateNode;
import duso.lang.nodes.TryNode;
import duso.lang.nodes.VarRef;
import duso.lang.values.Nil;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds executable nodes from the AST, resolving every name to frame slots first.
 *
 * <p>Scopes follow the reference's code, not its spec: only the root, function bodies, for
 * loops and catch blocks are scopes; {@code x = v} without {@code var} updates the nearest
 * scope holding x or else creates a global, so the root frame reserves a slot for every name
 * the program assigns. Loop and catch scopes are folded into the enclosing frame when their
 * body holds no function literal (nothing can capture them), which makes loops allocation-free.
 *
 * <p>Code compiled for {@code include} runs inside a frame that already exists, so it is
 * compiled {@code dynamic}: names are looked up by name at run time.
 */
public final class Compiler {
    private final String file;
    private final Globals globals;
    private final boolean dynamic;

    private Compiler(String file, Globals globals, boolean dynamic) {
        this.file = file;
        this.globals = globals;
        this.dynamic = dynamic;
    }

    /** Compiles a program to run in its own root frame; runtime errors name {@code file}. */
    public static CompiledUnit compile(Program program, String file, Globals globals) {
        return new Compiler(file, globals, false).unit(program);
    }

    /** Compiles a program to run inside an existing frame (include), resolving names by name. */
    public static CompiledUnit compileDynamic(Program program, String file, Globals globals) {
        return new Compiler(file, globals, true).unit(program);
    }

    private CompiledUnit unit(Program program) {
        FrameLayout layout = new FrameLayout();
        Scope root = new Scope(null, layout, Scope.Kind.ROOT, true, Set.of());
        if (!dynamic) {
            for (String name : Declarations.declaredIn(program.statements())) {
                root.declare(name);
            }
            for (String name : Declarations.assignedAnywhere(program.statements())) {
                root.declare(name);
            }
        }
        BlockNode body = block(program.statements(), root, 0);
        body.markTail();
        return new CompiledUnit(body, layout.names(), file);
    }

    // ---- statements ----------------------------------------------------------------------

    private BlockNode block(List<Stmt> stmts, Scope scope, int pos) {
        StmtNode[] nodes = new StmtNode[stmts.size()];
        for (int i = 0; i < nodes.length; i++) {
            Stmt s = stmts.get(i);
            if (s instanceof Stmt.ExprStmt es && es.expr() instanceof Expr.Ident id && i < nodes.length - 1) {
                nodes[i] = new BareIdentNode(id.pos(), id.name(), file);
            } else {
                nodes[i] = stmt(s, scope);
            }
        }
        return new BlockNode(pos, nodes);
    }

    private StmtNode stmt(Stmt s, Scope scope) {
        // instanceof chains, not pattern switches: each type switch is an invokedynamic whose
        // bootstrap on a cold JVM costs more than compiling a small script.
        if (s instanceof Stmt.ExprStmt e) {
            return new ExprStmtNode(expr(e.expr(), scope));
        }
        if (s instanceof Stmt.Assign a) {
            return assign(a, scope);
        }
        if (s instanceof Stmt.CompoundAssign c) {
            return compoundAssign(c, scope);
        }
        if (s instanceof Stmt.PostIncrement p) {
            return postIncrement(p, scope);
        }
        if (s instanceof Stmt.If i) {
            return ifStatement(i, scope);
        }
        if (s instanceof Stmt.While w) {
            return new LoopNodes.While(w.pos(), expr(w.condition(), scope), block(w.body(), scope, w.pos()), file);
        }
        if (s instanceof Stmt.NumericFor f) {
            return numericFor(f, scope);
        }
        if (s instanceof Stmt.IterFor f) {
            return iterFor(f, scope);
        }
        if (s instanceof Stmt.FunctionDecl fd) {
            return define(fd.pos(), fd.function().name(), expr(fd.function(), scope), scope);
        }
        if (s instanceof Stmt.Try t) {
            return tryStatement(t, scope);
        }
        if (s instanceof Stmt.Return r) {
            return new ControlNodes.Return(r.pos(), r.value() == null ? null : expr(r.value(), scope));
        }
        if (s instanceof Stmt.Break b) {
            return new ControlNodes.Break(b.pos());
        }
        return new ControlNodes.Continue(s.pos());
    }

    private StmtNode define(int pos, String name, ExprNode value, Scope scope) {
        if (dynamic) {
            return new AssignNodes.DefineByName(pos, name, value);
        }
        return new AssignNodes.Define(pos, scope.declare(name), value);
    }

    private StmtNode assign(Stmt.Assign a, Scope scope) {
        ExprNode value = expr(a.value(), scope);
        Expr target = a.target();
        if (target instanceof Expr.Ident id) {
            if (!a.isVar()) {
                return new AssignNodes.ToVariable(a.pos(), resolve(id.name(), scope), value);
            }
            if (scope.kind == Scope.Kind.FUNCTION && scope.isParameter(id.name())) {
                return new AssignNodes.VarOnParameter(a.pos(), id.name(), value, file);
            }
            return define(a.pos(), id.name(), value, scope);
        }
        if (target instanceof Expr.Index ix) {
            return new AssignNodes.ToIndex(a.pos(), expr(ix.object(), scope), expr(ix.index(), scope), value, file,
                    ix.pos());
        }
        if (target instanceof Expr.Property p) {
            return new AssignNodes.ToProperty(a.pos(), expr(p.object(), scope), p.name(), value, file, p.pos());
        }
        return new AccessErrorNode.Statement(target.pos(), value, "invalid assignment target", file);
    }

    /** The place a read-modify-write updates, or null for an invalid target. */
    private Target target(Expr e, Scope scope) {
        if (e instanceof Expr.Ident id && !id.name().equals("self")) {
            VarRef ref = resolve(id.name(), scope);
            return new Target.Variable(ReadVarNode.create(id.pos(), ref, file, globals), ref, file);
        }
        if (e instanceof Expr.Index ix) {
            return new Target.Index(ix.pos(), expr(ix.object(), scope), expr(ix.index(), scope), file);
        }
        if (e instanceof Expr.Property p) {
            return new Target.Property(p.pos(), expr(p.object(), scope), p.name(), file);
        }
        return null;
    }

    private int firstLocal(String name, Scope scope) {
        for (Scope sc = scope; sc != null && sc.frame == scope.frame; sc = sc.parent) {
            Integer s = sc.slot(name);
            if (s != null) {
                return s;
            }
        }
        return -1;
    }

    private StmtNode compoundAssign(Stmt.CompoundAssign c, Scope scope) {
        Target t = target(c.target(), scope);
        ExprNode value = expr(c.value(), scope);
        if (t == null) {
            return new AccessErrorNode.Statement(c.target().pos(), value, "invalid assignment target", file);
        }
        CompoundAssignNode.Op op = switch (c.op()) {
            case PLUS_ASSIGN -> CompoundAssignNode.Op.ADD;
            case MINUS_ASSIGN -> CompoundAssignNode.Op.SUB;
            case STAR_ASSIGN -> CompoundAssignNode.Op.MUL;
            case SLASH_ASSIGN -> CompoundAssignNode.Op.DIV;
            default -> CompoundAssignNode.Op.MOD;
        };
        return new CompoundAssignNode(c.pos(), t, op, value, file, localSlotOf(c.target(), scope));
    }

    private int localSlotOf(Expr target, Scope scope) {
        if (dynamic || !(target instanceof Expr.Ident id) || id.name().equals("self")) {
            return -1;
        }
        return firstLocal(id.name(), scope);
    }

    private StmtNode postIncrement(Stmt.PostIncrement p, Scope scope) {
        Target t = target(p.target(), scope);
        if (t == null) {
            return new AccessErrorNode.Statement(p.target().pos(), null, "invalid increment/decrement target", file);
        }
        double delta = p.op() == TokenType.INCREMENT ? 1 : -1;
        return new IncrementNode.Postfix(p.pos(), t, delta, localSlotOf(p.target(), scope));
    }

    private StmtNode ifStatement(Stmt.If i, Scope scope) {
        int n = 1 + i.elseIfs().size();
        ExprNode[] conditions = new ExprNode[n];
        StmtNode[] branches = new StmtNode[n];
        conditions[0] = expr(i.condition(), scope);
        branches[0] = block(i.then(), scope, i.pos());
        for (int k = 1; k < n; k++) {
            Stmt.ElseIf e = i.elseIfs().get(k - 1);
            conditions[k] = expr(e.condition(), scope);
            branches[k] = block(e.body(), scope, i.pos());
        }
        StmtNode otherwise = i.otherwise() == null ? null : block(i.otherwise(), scope, i.pos());
        return new ControlNodes.If(i.pos(), conditions, branches, otherwise);
    }

    /** Opens the scope of a loop or catch block, folded into the current frame when possible. */
    private Scope childScope(Scope scope, Scope.Kind kind, List<Stmt> body) {
        boolean ownFrame = dynamic || Declarations.containsFunction(body);
        FrameLayout layout = ownFrame ? new FrameLayout() : scope.frame;
        return new Scope(scope, layout, kind, ownFrame, Set.of());
    }

    private LoopScope loopScope(Scope child, int startSize) {
        if (child.ownsFrame) {
            return LoopScope.ownFrame(child.frame.names());
        }
        int[] fresh = new int[child.frame.size() - startSize];
        for (int k = 0; k < fresh.length; k++) {
            fresh[k] = startSize + k;
        }
        return LoopScope.flat(fresh);
    }

    private StmtNode numericFor(Stmt.NumericFor f, Scope scope) {
        ExprNode start = expr(f.start(), scope);
        ExprNode end = expr(f.end(), scope);
        ExprNode step = f.step() == null ? null : expr(f.step(), scope);
        Scope loop = childScope(scope, Scope.Kind.LOOP, f.body());
        int before = loop.ownsFrame ? 0 : scope.frame.size();
        int varSlot = loop.declare(f.var());
        declareAll(loop, f.body());
        BlockNode body = block(f.body(), loop, f.pos());
        return new LoopNodes.NumericFor(f.pos(), loopScope(loop, before), varSlot, start, end, step, body, file);
    }

    private StmtNode iterFor(Stmt.IterFor f, Scope scope) {
        ExprNode iterable = expr(f.iterable(), scope);
        Scope loop = childScope(scope, Scope.Kind.LOOP, f.body());
        int before = loop.ownsFrame ? 0 : scope.frame.size();
        int varSlot = loop.declare(f.var());
        declareAll(loop, f.body());
        BlockNode body = block(f.body(), loop, f.pos());
        return new LoopNodes.IterFor(f.pos(), loopScope(loop, before), varSlot, iterable, body, file);
    }

    private StmtNode tryStatement(Stmt.Try t, Scope scope) {
        BlockNode body = block(t.body(), scope, t.pos());
        Scope handlerScope = childScope(scope, Scope.Kind.CATCH, t.handler());
        int before = handlerScope.ownsFrame ? 0 : scope.frame.size();
        int varSlot = handlerScope.declare(t.catchVar());
        declareAll(handlerScope, t.handler());
        BlockNode handler = block(t.handler(), handlerScope, t.pos());
        return new TryNode(t.pos(), body, loopScope(handlerScope, before), varSlot, handler);
    }

    private void declareAll(Scope scope, List<Stmt> body) {
        for (String name : Declarations.declaredIn(body)) {
            scope.declare(name);
        }
    }

    // ---- names -----------------------------------------------------------------------------

    /** Every declaration of name visible from scope, innermost first, as frame hops and slots. */
    private VarRef resolve(String name, Scope scope) {
        if (dynamic) {
            return VarRef.dynamic(name);
        }
        List<int[]> found = new ArrayList<>();
        List<Boolean> owners = new ArrayList<>();
        int hop = 0;
        FrameLayout current = scope.frame;
        for (Scope sc = scope; sc != null; sc = sc.parent) {
            if (sc.frame != current) {
                hop++;
                current = sc.frame;
            }
            Integer slot = sc.slot(name);
            if (slot != null) {
                found.add(new int[] {hop, slot});
                owners.add(sc.ownsFrame);
            }
        }
        int[] hops = new int[found.size()];
        int[] slots = new int[found.size()];
        boolean[] owner = new boolean[found.size()];
        for (int k = 0; k < hops.length; k++) {
            hops[k] = found.get(k)[0];
            slots[k] = found.get(k)[1];
            owner[k] = owners.get(k);
        }
        return new VarRef(name, hops, slots, owner);
    }

    // ---- expressions -------------------------------------------------------------------------

    private ExprNode[] exprs(List<Expr> list, Scope scope) {
        ExprNode[] out = new ExprNode[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = expr(list.get(i), scope);
        }
        return out;
    }

    private ExprNode expr(Expr e, Scope scope) {
        if (e instanceof Expr.NumberLit n) {
            return new ConstNode(n.pos(), n.value());
        }
        if (e instanceof Expr.StringLit s) {
            return new ConstNode(s.pos(), s.value());
        }
        if (e instanceof Expr.Ident id) {
            return id.name().equals("self")
                    ? new SelfNode(id.pos(), file)
                    : ReadVarNode.create(id.pos(), resolve(id.name(), scope), file, globals);
        }
        if (e instanceof Expr.Binary b) {
            return binary(b, scope);
        }
        if (e instanceof Expr.Call c) {
            return call(c, scope);
        }
        if (e instanceof Expr.Property p) {
            return new PropertyNode(p.pos(), expr(p.object(), scope), p.name(), file);
        }
        if (e instanceof Expr.Index ix) {
            return new IndexNode(ix.pos(), expr(ix.object(), scope), expr(ix.index(), scope), file);
        }
        if (e instanceof Expr.BoolLit b) {
            return new ConstNode(b.pos(), b.value());
        }
        if (e instanceof Expr.NilLit n) {
            return new ConstNode(n.pos(), Nil.NIL);
        }
        if (e instanceof Expr.TemplateLit t) {
            return template(t, scope);
        }
        if (e instanceof Expr.RegexLit r) {
            return new RegexNode(r.pos(), r.pattern(), file);
        }
        if (e instanceof Expr.ArrayLit a) {
            return new ArrayLitNode(a.pos(), exprs(a.elements(), scope));
        }
        if (e instanceof Expr.ObjectLit o) {
            return objectLiteral(o, scope);
        }
        if (e instanceof Expr.Unary u) {
            return unary(u, scope);
        }
        if (e instanceof Expr.Ternary t) {
            return new LogicNodes.Ternary(t.pos(), expr(t.condition(), scope),
                    expr(t.whenTrue(), scope), expr(t.whenFalse(), scope));
        }
        Expr.Function fn = (Expr.Function) e;
        return new FunctionLitNode(fn.pos(), function(fn, scope));
    }

    private ExprNode template(Expr.TemplateLit t, Scope scope) {
        int n = t.parts().size();
        String[] texts = new String[n];
        ExprNode[] exprs = new ExprNode[n];
        for (int i = 0; i < n; i++) {
            Object p = t.parts().get(i);
            if (p instanceof String s) {
                texts[i] = s;
            } else {
                exprs[i] = expr((Expr) p, scope);
            }
        }
        return new TemplateNode(t.pos(), texts, exprs, file);
    }

    private ExprNode objectLiteral(Expr.ObjectLit o, Scope scope) {
        int n = o.entries().size();
        String[] keys = new String[n];
        ExprNode[] keyExprs = new ExprNode[n];
        ExprNode[] values = new ExprNode[n];
        for (int i = 0; i < n; i++) {
            Expr.ObjectLit.Entry en = o.entries().get(i);
            keys[i] = en.key();
            keyExprs[i] = en.keyExpr() == null ? null : expr(en.keyExpr(), scope);
            values[i] = expr(en.value(), scope);
        }
        return new ObjectLitNode(o.pos(), keys, keyExprs, values);
    }

    private ExprNode binary(Expr.Binary b, Scope scope) {
        ExprNode l = expr(b.left(), scope);
        ExprNode r = expr(b.right(), scope);
        int p = b.pos();
        return switch (b.op()) {
            case PLUS -> new ArithmeticNodes.Add(p, l, r, file);
            case MINUS -> new ArithmeticNodes.Sub(p, l, r, file);
            case STAR -> new ArithmeticNodes.Mul(p, l, r, file);
            case SLASH -> new ArithmeticNodes.Div(p, l, r, file);
            case PERCENT -> new ArithmeticNodes.Mod(p, l, r, file);
            case EQUAL -> ComparisonNodes.create(p, ComparisonNodes.Kind.EQ, l, r, file);
            case NOT_EQUAL -> ComparisonNodes.create(p, ComparisonNodes.Kind.NE, l, r, file);
            case LT -> ComparisonNodes.create(p, ComparisonNodes.Kind.LT, l, r, file);
            case LTE -> ComparisonNodes.create(p, ComparisonNodes.Kind.LE, l, r, file);
            case GT -> ComparisonNodes.create(p, ComparisonNodes.Kind.GT, l, r, file);
            case GTE -> ComparisonNodes.create(p, ComparisonNodes.Kind.GE, l, r, file);
            case AND -> new LogicNodes.And(p, l, r);
            case OR -> new LogicNodes.Or(p, l, r);
            default -> throw new IllegalStateException("binary operator " + b.op());
        };
    }

    private ExprNode unary(Expr.Unary u, Scope scope) {
        switch (u.op()) {
            case NOT:
                return new LogicNodes.Not(u.pos(), expr(u.operand(), scope));
            case MINUS:
                if (u.operand() instanceof Expr.NumberLit n) {
                    return new ConstNode(u.pos(), -n.value());
                }
                return new ArithmeticNodes.Negate(u.pos(), expr(u.operand(), scope), file);
            default: {
                Target t = target(u.operand(), scope);
                if (t == null) {
                    return new AccessErrorNode(u.pos(), "invalid increment/decrement target", file);
                }
                return new IncrementNode.Prefix(u.pos(), t, u.op() == TokenType.INCREMENT ? 1 : -1);
            }
        }
    }

    private ExprNode call(Expr.Call c, Scope scope) {
        ExprNode[] args = exprs(c.args(), scope);
        String[] names = new String[c.named().size()];
        ExprNode[] named = new ExprNode[names.length];
        for (int i = 0; i < names.length; i++) {
            names[i] = c.named().get(i).name();
            named[i] = expr(c.named().get(i).value(), scope);
        }
        Expr callee = c.callee();
        if (callee instanceof Expr.Ident id && !id.name().equals("self")) {
            ReadVarNode fn = ReadVarNode.create(id.pos(), resolve(id.name(), scope), file, globals);
            return new CallNode.ByName(c.pos(), fn, scope.kind == Scope.Kind.FUNCTION, args, names, named, file);
        }
        if (callee instanceof Expr.Property p) {
            return new CallNode.Method(c.pos(), expr(p.object(), scope), p.name(), p.pos(), args, names, named, file);
        }
        return new CallNode.ByValue(c.pos(), expr(callee, scope), args, names, named, file);
    }

    private FunctionCode function(Expr.Function fn, Scope outer) {
        FrameLayout layout = new FrameLayout();
        Set<String> params = new HashSet<>();
        for (Expr.Param p : fn.params()) {
            params.add(p.name());
        }
        Scope scope = new Scope(outer, layout, Scope.Kind.FUNCTION, true, params);
        String[] paramNames = new String[fn.params().size()];
        int[] paramSlots = new int[paramNames.length];
        ExprNode[] defaults = new ExprNode[paramNames.length];
        for (int i = 0; i < paramNames.length; i++) {
            Expr.Param p = fn.params().get(i);
            paramNames[i] = p.name();
            paramSlots[i] = scope.declare(p.name());
            defaults[i] = p.defaultValue() == null ? null : expr(p.defaultValue(), outer);
        }
        Set<String> declared = new LinkedHashSet<>(Declarations.declaredIn(fn.body()));
        for (String name : declared) {
            scope.declare(name);
        }
        BlockNode body = block(fn.body(), scope, fn.pos());
        body.markTail();
        return new FunctionCode(fn.name(), file, layout.names(), paramNames, paramSlots, defaults, body);
    }
}
