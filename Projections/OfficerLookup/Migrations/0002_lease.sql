-- The lease table every read model has (Projections/Runtime/ReadModelTables.swift).
{{lease}}
