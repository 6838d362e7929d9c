using Simulation.Core.Engine.Random;

namespace Simulation.Core.Engine.Examples;

/// <summary>
/// M/M/c FIFO queue built on <see cref="Simulator"/> and <see cref="Resource"/>: an engine validation and
/// benchmark model with known theory (Wq = ρ/(μ−λ) for c = 1, Erlang C for c &gt; 1), not part of
/// ChannelSim's domain. Arrivals and services draw from separate named streams, so customer i gets the
/// i-th inter-arrival and the i-th service time whatever the event order. Starts empty.
/// </summary>
public static class MmcQueue
{
    private const int Arrival = 0, ServiceStart = 1, Departure = 2;

    /// <summary>Serves <paramref name="customers"/> customers and reports waiting statistics.</summary>
    public static MmcResult Run(double arrivalRate, double serviceRate, int servers, int customers, ulong seed, long replication = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(customers, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(servers, 1);
        if (!(arrivalRate > 0) || !(serviceRate > 0)) throw new ArgumentOutOfRangeException(nameof(arrivalRate), "Rates must be > 0.");
        var simulator = new Simulator(64);
        var handler = new Handler
        {
            Servers = new Resource(simulator, servers, 1024),
            Arrivals = new RandomStream(SeedDerivation.For(seed, replication, StreamId.TestArrivals)),
            Services = new RandomStream(SeedDerivation.For(seed, replication, StreamId.TestServices)),
            MeanInterArrival = 1.0 / arrivalRate,
            MeanService = 1.0 / serviceRate,
            Customers = customers,
        };
        simulator.Schedule(Samplers.Exponential(handler.Arrivals, handler.MeanInterArrival), Arrival, entity: 0);
        simulator.Run(ref handler, double.PositiveInfinity);
        Resource pool = handler.Servers;
        return new MmcResult(
            Customers: customers,
            MeanWaitHours: pool.TotalWaitHours / pool.Grants,
            WaitedFraction: (double)handler.Waited / customers,
            Utilisation: pool.Utilisation(),
            EngineEvents: simulator.ProcessedEvents,
            EndHours: simulator.NowHours);
    }

    private struct Handler : IEventHandler
    {
        public Resource Servers;
        public RandomStream Arrivals;
        public RandomStream Services;
        public double MeanInterArrival;
        public double MeanService;
        public int Customers;
        public int Arrived;
        public int Waited;

        public void Handle(Simulator simulator, in SimEvent simEvent)
        {
            switch (simEvent.Kind)
            {
                case Arrival:
                    Arrived++;
                    if (Arrived < Customers)
                        simulator.Schedule(Samplers.Exponential(Arrivals, MeanInterArrival), Arrival, Arrived);
                    if (Servers.Request(ServiceStart, simEvent.Entity))
                        simulator.Schedule(Samplers.Exponential(Services, MeanService), Departure, simEvent.Entity);
                    else
                        Waited++;
                    break;
                case ServiceStart:
                    simulator.Schedule(Samplers.Exponential(Services, MeanService), Departure, simEvent.Entity);
                    break;
                default:
                    Servers.Release();
                    break;
            }
        }
    }
}
