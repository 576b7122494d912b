fn main() {
    let plan = jixiao::plan::parse("p.xlsx", &jixiao::sample::plan_sheets()).unwrap();
    let d = &plan.departments[0];
    let t = std::time::Instant::now();
    let mut total = 0;
    for _ in 0..500 {
        total += jixiao::template::build(&plan, d).unwrap().len();
    }
    eprintln!("build 500 {:?} {total}", t.elapsed());
}
