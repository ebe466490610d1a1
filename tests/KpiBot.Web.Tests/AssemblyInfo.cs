// Each test starts the real host, and Hangfire keeps process-wide statics (see KpiBot.Host.Tests): one class at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
