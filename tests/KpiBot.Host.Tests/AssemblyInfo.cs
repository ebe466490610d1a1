// Hangfire keeps some state in process-wide statics (its global configuration, storage and log provider);
// hosts of different test classes starting and stopping in parallel in one process would share them.
// Production runs one host per process, so the host tests run one class at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
